import { InMemoryStreamsClient, InMemoryTable } from '@sluice/offline';
import { describe, expect, it } from 'vitest';
import { backfill } from '../backfill/backfill.js';
import { inMemoryScanSource } from '../backfill/inMemoryScanSource.js';
import { processBatch } from '../batch/processBatch.js';
import { aggregate } from '../builtins/aggregate.js';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { lambdaHandler } from '../lambda/lambdaHandler.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import { InMemoryLeaseTable } from '../poller/lease/inMemoryLeaseTable.js';
import { projectionPoller } from '../poller/projectionPoller.js';
import { TaskCodec } from '../testSupport/taskHistory.js';
import { checkUniqueNames } from './uniqueNames.js';

// Two aggregates over one marker table that a user forgot to tell apart.
const twins = () =>
  [
    aggregate({
      name: 'perList',
      table: 'perList',
      markerTable: 'markers',
      item: TaskCodec,
      viewType: 'NEW_IMAGE',
      group: (task) => ({ list: task.list }),
    }),
    aggregate({
      name: 'perList',
      table: 'perPoints',
      markerTable: 'markers',
      item: TaskCodec,
      viewType: 'NEW_IMAGE',
      group: (task) => ({ points: task.points }),
    }),
  ] as const;

const refusal = /projections #1 and #2 are both named "perList"/;

const table = () =>
  new InMemoryTable({
    tableName: 'tasks',
    partitionKey: { name: 'id', type: 'S' },
    streamViewType: 'NEW_IMAGE',
  });

describe('projection names', () => {
  it('lets distinct names through', () => {
    const [first] = twins();
    const other = { ...first, name: 'perPoints' };
    expect(() => checkUniqueNames([first, other], 'test')).not.toThrow();
  });

  it('refuses two projections with one name in lambdaHandler, naming both', () => {
    const store = new InMemoryProjectionStore();
    expect(() =>
      lambdaHandler({ projections: twins(), store, deadLetters: new InMemoryDeadLetters() }),
    ).toThrow(refusal);
  });

  it('refuses the same projection listed twice', () => {
    const [first] = twins();
    expect(() => checkUniqueNames([first, first], 'lambdaHandler')).toThrow(
      /lambdaHandler: projections #1 and #2 are both named "perList"/,
    );
  });

  it('refuses them in processBatch before anything is written', async () => {
    const source = table();
    source.put({ id: 't1', list: 'home', points: 1, title: 'x' });
    const store = new InMemoryProjectionStore();
    await expect(
      processBatch(
        { projections: twins(), store, deadLetters: new InMemoryDeadLetters() },
        source.stream.records(),
      ),
    ).rejects.toThrow(refusal);
    expect(store.tables()).toEqual({});
  });

  it('refuses them in projectionPoller when it is built', () => {
    const source = table();
    expect(() =>
      projectionPoller({
        streams: new InMemoryStreamsClient([source.stream]),
        streamArn: source.stream.streamArn,
        leaseTable: new InMemoryLeaseTable(),
        projections: twins(),
        store: new InMemoryProjectionStore(),
        deadLetters: new InMemoryDeadLetters(),
      }),
    ).toThrow(refusal);
  });

  it('refuses them in backfill before the scan starts', async () => {
    const source = table();
    source.put({ id: 't1', list: 'home', points: 1, title: 'x' });
    const store = new InMemoryProjectionStore();
    await expect(
      backfill({
        source: inMemoryScanSource(source),
        projections: twins(),
        store,
        deadLetters: new InMemoryDeadLetters(),
      }),
    ).rejects.toThrow(refusal);
    expect(store.tables()).toEqual({});
  });
});
