import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import {
  COMPARED_TABLES,
  cleanPass,
  deliver,
  deliveryArbitrary,
  planToyBatch,
  sortRows,
  TOY_TABLES,
  toyHistory,
  toyHistoryArbitrary,
} from '../../contract/testSupport/toySource.js';
import type { PlannedBatch } from '../../plan/plannedBatch.js';
import { putIfNewer } from '../../plan/write.js';
import type { RetryPolicy } from '../../retry/retryPolicy.js';
import type { ProjectionStore } from '../../store/projectionStore.js';
import { countRequests } from '../cost/requestCounter.js';
import { createToyTables, ownClients } from '../testSupport/dynamoDbHarness.js';
import { injectFaults, type RequestFault, type RequestInfo } from '../testSupport/injectFaults.js';
import { dynamoDbProjectionStore } from './dynamoDbProjectionStore.js';

const { dynamodb, documentClient } = ownClients();
afterAll(() => dynamodb.destroy());

/** A store on fresh toy tables whose client goes through `decide`, and the delays it slept. */
const storeWithFaults = async (
  decide: (request: RequestInfo) => RequestFault | undefined,
  policy: Partial<RetryPolicy> = {},
) => {
  const own = ownClients();
  const tableName = await createToyTables(own.dynamodb);
  const injector = injectFaults(own.documentClient, decide);
  const delays: number[] = [];
  const store = dynamoDbProjectionStore({
    client: own.documentClient,
    tableName,
    retryPolicy: {
      sleep: async (ms) => {
        delays.push(ms);
      },
      random: () => 0.5,
      ...policy,
    },
  });
  return { store, injector, delays, close: () => own.dynamodb.destroy() };
};

const tables = async (store: ProjectionStore) =>
  Object.fromEntries(
    await Promise.all(
      COMPARED_TABLES.map(async (table) => [table, sortRows(await store.scan(table))] as const),
    ),
  );

const step = (item: number, list: number, remove = false) => ({
  item,
  list,
  quantity: 2,
  remove,
  gap: 5,
});
const setup = toyHistory([
  ...Array.from({ length: 80 }, (_, i) => step(i, i % 30)),
  ...Array.from({ length: 80 }, (_, i) => step(i, (i + 1) % 30, i % 9 === 0)),
]);

describe('DynamoDB store under DynamoDB faults', () => {
  it('retries throttling, UnprocessedItems/Keys and transaction conflicts with backoff, losing and doubling nothing', async () => {
    const faults: Record<string, RequestFault> = {
      BatchWriteItem: { kind: 'unprocessed', keep: 10 },
      BatchGetItem: { kind: 'unprocessed', keep: 30 },
      TransactWriteItems: { kind: 'conflict' },
      PutItem: { kind: 'throttle' },
    };
    // Every other request of each operation is faulted.
    const seen: Record<string, number> = {};
    const { store, injector, delays, close } = await storeWithFaults(({ operation }) => {
      seen[operation] = (seen[operation] ?? 0) + 1;
      return seen[operation] % 2 === 1 ? faults[operation] : undefined;
    });
    const result = await store.apply(planToyBatch(setup));
    expect(E.isRight(result)).toBe(true);
    expect(await tables(store)).toEqual(cleanPass(setup));
    const fired = new Set(injector.fired().map((f) => f.fault));
    expect(fired).toEqual(new Set(['unprocessed', 'conflict', 'throttle']));
    // Each fault that held anything back cost one backoff (an "unprocessed" fault on a request
    // small enough to go through whole does not).
    const effective = injector.fired().filter((f) => f.fault !== 'unprocessed').length;
    expect(delays.length).toBeGreaterThan(effective);
    expect(delays.length).toBeLessThanOrEqual(injector.fired().length);
    close();
  });

  it('grows the delay exponentially while a request keeps being throttled', async () => {
    let throttled = 0;
    const { store, delays, close } = await storeWithFaults(
      ({ operation }) =>
        operation === 'PutItem' && throttled++ < 5 ? { kind: 'throttle' } : undefined,
      { baseDelayMs: 10, maxDelayMs: 100, random: () => 0.99 },
    );
    const removal = toyHistory([step(1, 1), step(1, 1, true)]);
    expect(E.isRight(await store.apply(planToyBatch(removal)))).toBe(true);
    expect(delays).toEqual([9, 19, 39, 79, 99]);
    close();
  });

  it('gives up after the allowed attempts with a typed error listing every unconfirmed write', async () => {
    const { store, close } = await storeWithFaults(
      ({ operation }) => (operation === 'TransactWriteItems' ? { kind: 'throttle' } : undefined),
      { maxAttempts: 3 },
    );
    const batch = planToyBatch(setup.slice(0, 80));
    const result = await store.apply(batch);
    expect(result).toMatchObject(
      E.left({
        _tag: 'ApplyFailed',
        cause: {
          _tag: 'DynamoDbRetriesExhausted',
          operation: 'TransactWriteItems',
          attempts: 3,
          cause: { name: 'ProvisionedThroughputExceededException' },
        },
      }),
    );
    // The contributions fail; the replica's puts, which come after them, are not tried.
    const notTried = batch.writes.flatMap((w, i) => (w._tag !== 'PutRow' ? [i] : []));
    expect(E.isLeft(result) && result.left.unconfirmed).toEqual(notTried);
    // The history rows (applied before) are confirmed and present.
    expect(await store.scan(TOY_TABLES.history)).toHaveLength(80);
    close();
  });

  it('any delivery schedule under random transient faults ends as a clean pass', async () => {
    const faultArbitrary = fc.constantFrom<RequestFault | undefined>(
      undefined,
      undefined,
      undefined,
      { kind: 'throttle' },
      { kind: 'conflict' },
      { kind: 'unprocessed', keep: 1 },
    );
    await fc.assert(
      fc.asyncProperty(
        toyHistoryArbitrary({ items: 5, lists: 3, maxLength: 30 }),
        deliveryArbitrary,
        fc.array(faultArbitrary, { minLength: 1, maxLength: 50 }),
        async (changes, schedule, faults) => {
          // The i-th request gets the i-th fault; more attempts than faults, so none is fatal.
          const { store, close } = await storeWithFaults(
            ({ index, operation }) => {
              const fault = operation === 'Scan' ? undefined : faults[index];
              if (fault?.kind === 'conflict' && operation !== 'TransactWriteItems')
                return undefined;
              if (fault?.kind === 'unprocessed' && !operation.startsWith('Batch')) return undefined;
              return fault;
            },
            { maxAttempts: 60 },
          );
          for (const batch of deliver(changes, schedule)) {
            const result = await store.apply(planToyBatch(batch));
            expect(E.isRight(result) ? 'applied' : result.left.message).toBe('applied');
          }
          expect(await tables(store)).toEqual(cleanPass(changes));
          close();
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('DynamoDB store and the 400 KB item limit', () => {
  it('reports an oversized row as ItemTooLarge naming its record, and applies the rest', async () => {
    const { store, close } = await storeWithFaults(() => undefined);
    const fits = {
      entityId: 'fits',
      change: '1',
      blob: 'x'.repeat(409_600 - 'entityIdfitschange1blob'.length),
    };
    const huge = { entityId: 'huge', change: '2', blob: 'x'.repeat(409_600) };
    const batch: PlannedBatch = {
      writes: [
        {
          _tag: 'PutRow',
          table: TOY_TABLES.history,
          key: { entityId: 'fits', change: '1' },
          row: fits,
        },
        {
          _tag: 'PutRow',
          table: TOY_TABLES.history,
          key: { entityId: 'huge', change: '2' },
          row: huge,
        },
      ],
      origins: [0, 7],
    };
    const result = await store.apply(batch);
    expect(result).toMatchObject(
      E.left({
        unconfirmed: [1],
        cause: {
          _tag: 'ItemTooLarge',
          table: TOY_TABLES.history,
          key: { entityId: 'huge', change: '2' },
          origin: 7,
          limitBytes: 409_600,
        },
      }),
    );
    // The row exactly at the limit is accepted by DynamoDB itself: the estimate is not too strict.
    expect((await store.scan(TOY_TABLES.history)).map((row) => row.entityId)).toEqual(['fits']);
    close();
  });

  it('counts the owner attribute of a PutIfNewer with a source in its size', async () => {
    const { store, close } = await storeWithFaults(() => undefined);
    // At the limit without `sluiceSource`; the owner attribute takes it over.
    const row = { id: 'a', v: '1', blob: 'x'.repeat(409_600 - 'idavblob1'.length) };
    const write = putIfNewer(TOY_TABLES.replica, { id: 'a' }, row, 'v', { source: 'u1' });
    const result = await store.apply({ writes: [write], origins: [0] });
    expect(result).toMatchObject(E.left({ unconfirmed: [0], cause: { _tag: 'ItemTooLarge' } }));
    close();
  });
});

describe('request counting', () => {
  it('counts requests per operation, SDK retries included', async () => {
    const counter = countRequests(documentClient);
    const tableName = await createToyTables(dynamodb);
    counter.reset();
    const store = dynamoDbProjectionStore({ client: documentClient, tableName });
    await store.apply(planToyBatch(toyHistory([step(1, 1), step(2, 1), step(1, 1, true)])));
    // TransactWriteItems: the contributions, and item-2's replica put with its tombstone check.
    expect(counter.byOperation()).toEqual({
      BatchWriteItem: 1,
      BatchGetItem: 1,
      TransactWriteItems: 2,
      PutItem: 1,
    });
    expect(counter.total()).toBe(5);
    counter.detach();
    await store.scan(TOY_TABLES.history);
    expect(counter.total()).toBe(5);
  });
});

describe('stale contributions', () => {
  it('a plain replay costs no write; a superseded change costs one read of the groups it names and one UpdateItem per group row missing, once', async () => {
    const counter = countRequests(documentClient);
    const tableName = await createToyTables(dynamodb);
    const store = dynamoDbProjectionStore({ client: documentClient, tableName });
    const changes = toyHistory([step(1, 1), step(1, 2), step(1, 3), step(1, 4)]);
    const apply = async (batch: typeof changes) => {
      counter.reset();
      expect(E.isRight(await store.apply(planToyBatch(batch)))).toBe(true);
      return counter.byOperation();
    };
    await apply(changes.slice(0, 1));
    await apply(changes.slice(3));
    expect(await apply(changes.slice(3))).toEqual({ BatchWriteItem: 1, BatchGetItem: 1 });
    // Changes 2 and 3 coalesce into one Contribute naming list-3 and list-2, both missing.
    const superseded = { BatchWriteItem: 1, BatchGetItem: 2 };
    expect(await apply(changes.slice(1, 3))).toEqual({ ...superseded, UpdateItem: 2 });
    expect(await apply(changes.slice(1, 3))).toEqual(superseded);
    counter.detach();
    expect(await tables(store)).toEqual(cleanPass(changes));
  });
});

describe('contributions that move only the marker', () => {
  it('are written as conditional PutItems outside any transaction; one a racing writer got ahead of is re-read, not resent', async () => {
    const own = ownClients();
    const tableName = await createToyTables(own.dynamodb);
    const other = dynamoDbProjectionStore({ client: documentClient, tableName });
    const store = dynamoDbProjectionStore({ client: own.documentClient, tableName });
    // Item 1 changes twice without changing its contribution; item 4 (no replica) moves list.
    const changes = toyHistory([step(1, 1), step(4, 1), step(1, 1), step(4, 2), step(1, 1)]);
    await store.apply(planToyBatch(changes.slice(0, 2)));
    const counter = countRequests(own.documentClient);
    await store.apply(planToyBatch(changes.slice(2, 4)));
    expect(counter.byOperation()).toEqual({
      BatchWriteItem: 1,
      BatchGetItem: 1,
      PutItem: 1,
      TransactWriteItems: 1,
    });
    // Another consumer applies the last change between this store's marker read and its put.
    let raced = false;
    own.documentClient.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'PutItemCommand' && !raced) {
          raced = true;
          await other.apply(planToyBatch(changes.slice(4)));
        }
        return next(args);
      },
      { step: 'initialize', name: 'raceFirstPut' },
    );
    counter.reset();
    const last = await store.apply(planToyBatch(changes.slice(4)));
    expect(last).toEqual(E.right({ _tag: 'Applied', written: 1, unchanged: 1 }));
    expect(counter.byOperation()).toEqual({ BatchWriteItem: 1, BatchGetItem: 2, PutItem: 1 });
    expect(await tables(store)).toEqual(cleanPass(changes));
    own.dynamodb.destroy();
  });
});
