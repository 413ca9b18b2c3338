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
import { orderProjections } from '../orderProjections.js';
import { ordersHandler } from '../ordersHandler.js';
import { orderProjectionTables, ordersTable } from '../orderTables.js';
import { ordersEventSourceMapping, ordersTemplate } from './ordersTemplate.js';

type Resource = { Type: string; Properties: Record<string, unknown> };
const template = ordersTemplate() as { Resources: Record<string, Resource> };
const resources = template.Resources;
const fn = resources.ProjectionFunction!.Properties as {
  Environment: { Variables: Record<string, unknown> };
  Events: Record<string, { Type: string; Properties: Record<string, unknown> }>;
};
const stream = fn.Events.OrdersStream!.Properties;

describe('the orders SAM template', () => {
  it('is checked in exactly as the definitions generate it (run the `template` script)', () => {
    const checkedIn = readFileSync(
      fileURLToPath(new URL('../../template.json', import.meta.url)),
      'utf8',
    );
    expect(checkedIn).toBe(templateText(ordersTemplate()));
  });

  it('refers only to resources it declares', () => {
    expect(templateReferences(template).filter((id) => !(id in resources))).toEqual([]);
  });

  it('declares the source table with a stream carrying every image the projections read', () => {
    expect(resources[logicalIdOf(ordersTable)]).toEqual(
      tableResource(ordersTable, { StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' } }),
    );
    expect(orderProjections.map((p) => p.viewType)).toEqual(['NEW_AND_OLD_IMAGES', 'NEW_IMAGE']);
  });

  it('declares each projection table with the keys the store writes, named to the function', () => {
    for (const table of orderProjectionTables) {
      expect(resources[logicalIdOf(table)]).toEqual(tableResource(table));
      expect(fn.Environment.Variables[tableVariable(table)]).toEqual({ Ref: logicalIdOf(table) });
    }
  });

  it('maps the stream with the handler’s settings and an SQS queue for abandoned batches', () => {
    const offline = {
      store: new InMemoryProjectionStore(),
      deadLetters: new InMemoryDeadLetters(),
    };
    expect(ordersEventSourceMapping()).toEqual(
      ordersHandler(offline).recommendedEventSourceMapping,
    );
    const { DestinationConfig: _, ...recommended } = ordersEventSourceMapping();
    expect(stream).toMatchObject(recommended);
    expect(stream).toMatchObject({
      Stream: { 'Fn::GetAtt': [logicalIdOf(ordersTable), 'StreamArn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: -1,
      DestinationConfig: {
        OnFailure: { Type: 'SQS', Destination: { 'Fn::GetAtt': ['ProjectionFailures', 'Arn'] } },
      },
    });
    expect(resources.ProjectionFailures?.Type).toBe('AWS::SQS::Queue');
    // No projection filters: every record reaches the function.
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
