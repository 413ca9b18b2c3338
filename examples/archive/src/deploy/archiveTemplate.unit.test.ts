import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { matchesFilterCriteria, parseFilterCriteria, ttlRemovals } from '@sluice/core';
import {
  logicalIdOf,
  tableResource,
  tableVariable,
  templateReferences,
  templateText,
} from '@sluice/example-deploy';
import { InMemoryDeadLetters, InMemoryProjectionStore } from '@sluice/projections';
import { InMemoryTable, ManualClock, toLambdaEvent } from '@sluice/testing';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { archiveHandler } from '../archiveHandler.js';
import { archiveProjectionTables, expiringTasksTable } from '../archiveTables.js';
import { archiveEventSourceMapping, archiveTemplate } from './archiveTemplate.js';

type Resource = { Type: string; Properties: Record<string, unknown> };
const template = archiveTemplate() as { Resources: Record<string, Resource> };
const resources = template.Resources;
const fn = resources.ProjectionFunction!.Properties as {
  Environment: { Variables: Record<string, unknown> };
  Events: Record<string, { Type: string; Properties: Record<string, unknown> }>;
};
const stream = fn.Events.TodoListTaskStream!.Properties;

/** A user delete and a TTL deletion of tasks, as Lambda would deliver them. */
const removals = () => {
  const clock = new ManualClock();
  const tasks = new InMemoryTable({ ...expiringTasksTable, clock });
  const expires = Math.floor(clock.now() / 1000) + 60;
  const task = { ListId: 'home', description: 'water the plants', created: '2024-01-01', expires };
  tasks.put({ ...task, TaskId: 'by-user' });
  tasks.put({ ...task, TaskId: 'by-ttl' });
  tasks.delete({ ListId: 'home', TaskId: 'by-user' });
  clock.advance(120_000);
  tasks.sweepTtl();
  const [insert, , userRemoval, ttlRemoval] = toLambdaEvent(
    tasks.stream.records(),
    tasks.stream.streamArn,
  ).Records;
  return { insert, userRemoval, ttlRemoval };
};

describe('the archive SAM template', () => {
  it('is checked in exactly as the definitions generate it (run the `template` script)', () => {
    const checkedIn = readFileSync(
      fileURLToPath(new URL('../../template.json', import.meta.url)),
      'utf8',
    );
    expect(checkedIn).toBe(templateText(archiveTemplate()));
  });

  it('refers only to resources it declares', () => {
    expect(templateReferences(template).filter((id) => !(id in resources))).toEqual([]);
  });

  it('turns on TTL for `expires` and streams the old images the archive keeps', () => {
    expect(resources[logicalIdOf(expiringTasksTable)]).toEqual(
      tableResource(expiringTasksTable, {
        StreamSpecification: { StreamViewType: 'OLD_IMAGE' },
        TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true },
      }),
    );
  });

  it('declares the archive table keyed like the source, named to the function', () => {
    for (const table of archiveProjectionTables) {
      expect(resources[logicalIdOf(table)]).toEqual(tableResource(table));
      expect(fn.Environment.Variables[tableVariable(table)]).toEqual({ Ref: logicalIdOf(table) });
    }
  });

  it('deploys exactly the TTL-removal filter the tests evaluate', () => {
    expect(stream.FilterCriteria).toEqual({ Filters: [{ Pattern: ttlRemovals.json }] });
    const deployed = parseFilterCriteria(JSON.parse(JSON.stringify(stream.FilterCriteria)));
    if (E.isLeft(deployed)) throw new Error(deployed.left.message);
    const { insert, userRemoval, ttlRemoval } = removals();
    expect(matchesFilterCriteria(deployed.right, ttlRemoval)).toBe(true);
    expect(matchesFilterCriteria(deployed.right, userRemoval)).toBe(false);
    expect(matchesFilterCriteria(deployed.right, insert)).toBe(false);
  });

  it('maps the stream with the handler’s settings and an SQS queue for abandoned batches', () => {
    const offline = {
      store: new InMemoryProjectionStore(),
      deadLetters: new InMemoryDeadLetters(),
    };
    expect(archiveEventSourceMapping()).toEqual(
      archiveHandler(offline).recommendedEventSourceMapping,
    );
    const { DestinationConfig: _, ...recommended } = archiveEventSourceMapping();
    expect(stream).toMatchObject(recommended);
    expect(stream).toMatchObject({
      Stream: { 'Fn::GetAtt': [logicalIdOf(expiringTasksTable), 'StreamArn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: -1,
      DestinationConfig: {
        OnFailure: { Type: 'SQS', Destination: { 'Fn::GetAtt': ['ProjectionFailures', 'Arn'] } },
      },
    });
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
