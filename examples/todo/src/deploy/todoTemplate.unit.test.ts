import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  logicalIdOf,
  tableResource,
  tableVariable,
  templateReferences,
  templateText,
} from '@sluice/example-deploy';
import { InMemoryDeadLetters, InMemoryProjectionStore } from '@sluice/projections';
import { describe, expect, it } from 'vitest';
import { todoHandler } from '../todoHandler.js';
import { todoProjections } from '../todoProjections.js';
import { todoListTaskTable, todoProjectionTables } from '../todoTables.js';
import { todoEventSourceMapping, todoTemplate } from './todoTemplate.js';

type Resource = { Type: string; Properties: Record<string, unknown> };
const template = todoTemplate() as { Resources: Record<string, Resource> };
const resources = template.Resources;
const fn = resources.ProjectionFunction!.Properties as {
  Environment: { Variables: Record<string, unknown> };
  Events: Record<string, { Type: string; Properties: Record<string, unknown> }>;
};
const stream = fn.Events.TodoListTaskStream!.Properties;

describe('the todo SAM template', () => {
  it('is checked in exactly as the definitions generate it (run the `template` script)', () => {
    const checkedIn = readFileSync(
      fileURLToPath(new URL('../../template.json', import.meta.url)),
      'utf8',
    );
    expect(checkedIn).toBe(templateText(todoTemplate()));
  });

  it('refers only to resources it declares', () => {
    expect(templateReferences(template).filter((id) => !(id in resources))).toEqual([]);
  });

  it('streams new images from the source table: all the count reads', () => {
    expect(resources[logicalIdOf(todoListTaskTable)]).toEqual(
      tableResource(todoListTaskTable, { StreamSpecification: { StreamViewType: 'NEW_IMAGE' } }),
    );
    expect(todoProjections.map((p) => p.viewType)).toEqual(['NEW_IMAGE']);
  });

  it('declares the count and marker tables with the keys the store writes, named to the function', () => {
    for (const table of todoProjectionTables) {
      expect(resources[logicalIdOf(table)]).toEqual(tableResource(table));
      expect(fn.Environment.Variables[tableVariable(table)]).toEqual({ Ref: logicalIdOf(table) });
    }
  });

  it('maps the stream with the handler’s settings and an SQS queue for abandoned batches', () => {
    const offline = {
      store: new InMemoryProjectionStore(),
      deadLetters: new InMemoryDeadLetters(),
    };
    expect(todoEventSourceMapping()).toEqual(todoHandler(offline).recommendedEventSourceMapping);
    const { DestinationConfig: _, ...recommended } = todoEventSourceMapping();
    expect(stream).toMatchObject(recommended);
    expect(stream).toMatchObject({
      Stream: { 'Fn::GetAtt': [logicalIdOf(todoListTaskTable), 'StreamArn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: -1,
      DestinationConfig: {
        OnFailure: { Type: 'SQS', Destination: { 'Fn::GetAtt': ['ProjectionFailures', 'Arn'] } },
      },
    });
    expect(stream.FilterCriteria).toBeUndefined();
  });

  it('names a handler module that starts with exactly the environment the template gives it', async () => {
    const names = Object.keys(fn.Environment.Variables);
    const saved = names.map((name) => [name, process.env[name]] as const);
    for (const name of names) process.env[name] = `deployed-${name}`;
    try {
      const module = await import('../deployedHandler.js');
      expect(typeof module.handler).toBe('function');
    } finally {
      for (const [name, value] of saved)
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
    }
  });
});
