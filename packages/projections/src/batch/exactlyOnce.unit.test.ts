import type { ChangeEvent } from '@sluice/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { SimulatedCrash } from '../memory/injectedFault.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import type { Row } from '../plan/row.js';
import {
  type Consumer,
  deliver,
  incoming,
  projectionConsumer,
  steps,
  zombies,
} from '../testSupport/deliveries.js';
import {
  expectedTotals,
  type Task,
  type TaskHistory,
  taskHistory,
  taskOps,
  taskProjections,
} from '../testSupport/taskHistory.js';
import { processRecords } from './processRecords.js';

const setup = () => ({
  projections: taskProjections(),
  store: new InMemoryProjectionStore(),
  deadLetters: new InMemoryDeadLetters(),
});

// The tables a user reads; markers are the store's bookkeeping.
const userTables = (store: InMemoryProjectionStore) => {
  const tables = store.tables();
  return {
    history: tables.history ?? [],
    totals: tables.totals ?? [],
    archive: tables.archive ?? [],
  };
};

const cleanPass = async (history: TaskHistory, batchSize = Number.POSITIVE_INFINITY) => {
  const settings = setup();
  for (const shard of history.shards)
    for (let i = 0; i < shard.length; i += Math.min(batchSize, shard.length)) {
      const result = await processRecords(settings, incoming(shard.slice(i, i + batchSize)));
      expect(result._tag).toBe('BatchCompleted');
    }
  return userTables(settings.store);
};

const totalsOf = (rows: readonly Row[]) =>
  new Map(
    rows
      .filter((row) => row.count !== 0)
      .map((row) => [row.list as string, [row.count as number, row.points as number]]),
  );

const isCrash = (error: unknown) => error instanceof SimulatedCrash;

describe('exactly once in effect', () => {
  it('any delivery (duplicates, lost responses, regrouped retries, crashes, interleaved shards, stale consumers replaying last) leaves all three tables equal to one clean pass', async () => {
    await fc.assert(
      fc.asyncProperty(
        taskOps({ tasks: 10, lists: 3 }),
        fc.integer({ min: 1, max: 3 }),
        steps(),
        zombies(),
        async (ops, shardCount, plan, stale) => {
          const history = taskHistory(ops, shardCount);
          const expected = await cleanPass(history);
          const settings = setup();
          await deliver(history.shards, plan, projectionConsumer(settings, isCrash), stale);
          expect(userTables(settings.store)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stale consumers replaying old slices after everything else never undo a newer state', async () => {
    await fc.assert(
      // Items removed and put back exactly as they were: a batch can net to "unchanged", the hard case.
      fc.asyncProperty(
        taskOps({ tasks: 2, lists: 1, maxLength: 20, kinds: ['put', 'delete'], maxPoints: 0 }),
        steps(20, 3),
        zombies(16, 2),
        async (ops, plan, stale) => {
          const history = taskHistory(ops, 1);
          const expected = await cleanPass(history);
          const settings = setup();
          await deliver(history.shards, plan, projectionConsumer(settings, isCrash), stale);
          expect(userTables(settings.store)).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a stale replay of a removal, after the item came back identical in one batch, changes nothing', async () => {
    const history = taskHistory(
      [
        { task: 0, kind: 'put', list: 0, points: 1 },
        { task: 0, kind: 'delete', list: 0, points: 0 },
        { task: 0, kind: 'put', list: 0, points: 1 },
      ],
      1,
    );
    const settings = setup();
    const plan = [
      { shard: 0, size: 1, fault: 'none' as const, k: 0 },
      { shard: 0, size: 2, fault: 'none' as const, k: 0 },
    ];
    await deliver(history.shards, plan, projectionConsumer(settings, isCrash), [
      { shard: 0, start: 1, size: 1 },
    ]);
    expect(userTables(settings.store)).toEqual(await cleanPass(history));
  });

  it('counts and sums per list always equal the live tasks of the list, never off by one', async () => {
    await fc.assert(
      fc.asyncProperty(taskOps({ tasks: 10, lists: 3 }), steps(), async (ops, plan) => {
        const history = taskHistory(ops, 2);
        const settings = setup();
        await deliver(history.shards, plan, projectionConsumer(settings, isCrash));
        expect(totalsOf(userTables(settings.store).totals)).toEqual(expectedTotals(history.live));
      }),
      { numRuns: 200 },
    );
  });

  it('how records are batched never changes the tables (batch of one equals one batch of all)', async () => {
    await fc.assert(
      fc.asyncProperty(
        taskOps({ tasks: 6, lists: 3 }),
        fc.integer({ min: 1, max: 5 }),
        async (ops, size) => {
          const history = taskHistory(ops, 1);
          expect(await cleanPass(history, size)).toEqual(await cleanPass(history));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('works on a NEW_IMAGE stream, where moves and removals carry no old image', async () => {
    await fc.assert(
      fc.asyncProperty(taskOps({ tasks: 8, lists: 3 }), steps(), async (ops, plan) => {
        const history = taskHistory(ops, 2, 'NEW_IMAGE');
        const settings = { ...setup(), projections: [taskProjections()[1]!] };
        await deliver(history.shards, plan, projectionConsumer(settings, isCrash));
        const totals = settings.store.tables().totals ?? [];
        expect(totalsOf(totals)).toEqual(expectedTotals(history.live));
      }),
      { numRuns: 150 },
    );
  });
});

/** The textbook handler: ADD +1 on INSERT, −1 on REMOVE, move on MODIFY; no memory of what it applied. */
const naiveAddCounter = () => {
  const counts = new Map<string, number>();
  let crashAfter: number | undefined;
  const add = (list: string, delta: number) => counts.set(list, (counts.get(list) ?? 0) + delta);
  const consumer: Consumer = {
    async consume(batch: readonly ChangeEvent<unknown>[]) {
      for (const event of batch) {
        if (crashAfter !== undefined && crashAfter-- === 0) throw new SimulatedCrash('naive crash');
        const after = 'newImage' in event ? (event.newImage as Task | undefined) : undefined;
        const before = 'oldImage' in event ? (event.oldImage as Task | undefined) : undefined;
        if (before) add(before.list, -1);
        if (after) add(after.list, 1);
      }
      return undefined;
    },
    arm: (fault) => {
      crashAfter = fault?.after;
    },
    isCrash,
  };
  return { counts, consumer };
};

describe('a naive ADD counter', () => {
  it('fails the exactly-once property: fast-check finds a delivery that leaves a count off', async () => {
    const outcome = await fc.check(
      fc.asyncProperty(taskOps({ tasks: 6, lists: 2 }), steps(), async (ops, plan) => {
        const history = taskHistory(ops, 2);
        const naive = naiveAddCounter();
        await deliver(history.shards, plan, naive.consumer);
        const expected = new Map([...expectedTotals(history.live)].map(([l, [c]]) => [l, c]));
        const actual = new Map([...naive.counts].filter(([, c]) => c !== 0));
        expect(actual).toEqual(expected);
      }),
      { numRuns: 300, seed: 42 },
    );
    expect(outcome.failed).toBe(true);
  });

  it('counts an insert twice when Lambda delivers it twice, where the projection counts it once', async () => {
    const history = taskHistory([{ task: 0, kind: 'put', list: 0, points: 1 }], 1);
    const twice: Parameters<typeof deliver>[1] = [
      { shard: 0, size: 1, fault: 'lostResponse', k: 0 },
      { shard: 0, size: 1, fault: 'none', k: 0 },
    ];
    const naive = naiveAddCounter();
    await deliver(history.shards, twice, naive.consumer);
    expect(naive.counts.get('l0')).toBe(2);

    const settings = setup();
    await deliver(history.shards, twice, projectionConsumer(settings, isCrash));
    expect(totalsOf(userTables(settings.store).totals)).toEqual(new Map([['l0', [1, 1]]]));
  });
});
