import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { InMemoryDeadLetterTable } from '../deadLetter/inMemoryDeadLetterTable.js';
import { SimulatedCrash } from '../memory/injectedFault.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import { TaskCodec } from '../testSupport/taskHistory.js';
import { redrive } from './redrive.js';
import type { RedriveProgress } from './redriveOptions.js';
import { buggyCodec, runShards, shardedRecords, tasksWith } from './testSupport/poisonedRun.js';

const fixed = tasksWith(TaskCodec);
// The histories' changes are made at 1_700_000_000 s and on: redrive runs soon after.
const now = () => new Date(1_700_000_100_000);
const faults = fc.array(
  fc.record({ after: fc.nat(12), kind: fc.constantFrom('crash' as const, 'fail' as const) }),
  { maxLength: 3 },
);

// The poisoned run, then redrives with the fixed codec: one per armed fault, then a clean one.
const poisonThenRedrive = async (
  refuses: (task: { id: string; points: number }) => boolean,
  shards: readonly (readonly unknown[])[],
  batchSize: number,
  armed: readonly { after: number; kind: 'crash' | 'fail' }[],
) => {
  const store = new InMemoryProjectionStore();
  const letters = new InMemoryDeadLetterTable();
  await runShards(shards, batchSize, {
    projections: tasksWith(buggyCodec(refuses)),
    store,
    deadLetters: letters,
  });
  const poisoned = letters.letters().length;
  for (const fault of armed) {
    store.failAfter(fault.after, fault.kind);
    try {
      await redrive({ projections: fixed, store, letters, batchSize: 3, now });
    } catch (error) {
      if (!(error instanceof SimulatedCrash)) throw error;
    }
    store.clearFault();
  }
  const last = await redrive({ projections: fixed, store, letters, batchSize: 3, now });
  const clean = new InMemoryProjectionStore();
  await runShards(shards, batchSize, { projections: fixed, store: clean, deadLetters: letters });
  return { store, clean, letters, poisoned, last };
};

describe('redrive', () => {
  it('after a codec bug that refused whole items is fixed, redrive (crashed and failed midway, then rerun) leaves every projection equal to a clean pass with the fixed codec, and no letter', async () => {
    await fc.assert(
      fc.asyncProperty(
        shardedRecords,
        fc.subarray(['t0', 't1', 't2', 't3', 't4', 't5']),
        faults,
        async ({ shards, batchSize }, ids, armed) => {
          const bad = new Set(ids);
          const run = await poisonThenRedrive((task) => bad.has(task.id), shards, batchSize, armed);
          expect(E.isRight(run.last)).toBe(true);
          expect(run.store.tables()).toEqual(run.clean.tables());
          expect(run.letters.letters()).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('after a codec bug that refused some changes is fixed, redrive makes every projection equal a clean pass (a letter superseded since still leaves the group rows its change passed through)', async () => {
    await fc.assert(
      fc.asyncProperty(shardedRecords, faults, async ({ shards, batchSize }, armed) => {
        const run = await poisonThenRedrive((task) => task.points >= 4, shards, batchSize, armed);
        expect(E.isRight(run.last)).toBe(true);
        expect(run.store.tables()).toEqual(run.clean.tables());
        expect(run.letters.letters()).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('a dry run reports what a real run would apply and leave, and changes nothing; progress follows each batch', async () => {
    const { shards } = fc.sample(shardedRecords, { numRuns: 1, seed: 7 })[0]!;
    const poisoned = async () => {
      const store = new InMemoryProjectionStore();
      const letters = new InMemoryDeadLetterTable();
      await runShards(shards, 4, {
        projections: tasksWith(buggyCodec((task) => task.points >= 2)),
        store,
        deadLetters: letters,
      });
      return { store, letters };
    };
    const stillBuggy = tasksWith(buggyCodec((task) => task.points >= 4));
    const { store, letters } = await poisoned();
    const before = { tables: store.tables(), letters: letters.letters() };
    const progress: RedriveProgress[] = [];
    const dry = await redrive({
      projections: stillBuggy,
      store,
      letters,
      dryRun: true,
      batchSize: 2,
      now,
      onProgress: (p) => progress.push(p),
    });
    expect(store.tables()).toEqual(before.tables);
    expect(letters.letters()).toEqual(before.letters);
    const real = await poisoned();
    const wet = await redrive({
      projections: stillBuggy,
      store: real.store,
      letters: real.letters,
      now,
    });
    if (E.isLeft(dry) || E.isLeft(wet)) throw new Error('redrive failed');
    expect(dry.right.dryRun).toBe(true);
    expect(dry.right.total).toEqual({ ...wet.right.total, removed: 0 });
    expect(wet.right.total.stillPoison).toBeGreaterThan(0);
    expect(wet.right.total.applied).toBeGreaterThan(0);
    expect(wet.right.total.removed).toBe(wet.right.total.applied);
    expect(real.letters.letters()).toHaveLength(wet.right.total.stillPoison);
    expect(progress.filter((p) => p.projection === 'taskHistory').at(-1)).toEqual({
      projection: 'taskHistory',
      ...dry.right.projections.taskHistory,
    });
    expect(progress.length).toBeGreaterThan(3);
  });

  it('stops with the summary so far when the store fails, keeping the letters not yet applied', async () => {
    const { shards } = fc.sample(shardedRecords, { numRuns: 1, seed: 3 })[0]!;
    const store = new InMemoryProjectionStore();
    const letters = new InMemoryDeadLetterTable();
    await runShards(shards, 4, {
      projections: tasksWith(buggyCodec(() => true)),
      store,
      deadLetters: letters,
    });
    const total = letters.letters().length;
    store.failAfter(0, 'fail');
    const failed = await redrive({ projections: fixed, store, letters, now });
    expect(failed).toMatchObject(E.left({ _tag: 'RedriveFailed', projection: 'taskHistory' }));
    expect(letters.letters()).toHaveLength(total);
  });

  it('leaves letters of changes older than the 25-hour replay window, whose markers may be gone, unless told otherwise', async () => {
    const { shards } = fc.sample(shardedRecords, { numRuns: 1, seed: 9 })[0]!;
    const store = new InMemoryProjectionStore();
    const letters = new InMemoryDeadLetterTable();
    await runShards(shards, 4, {
      projections: tasksWith(buggyCodec(() => true)),
      store,
      deadLetters: letters,
    });
    const total = letters.letters().length;
    const later = () => new Date(1_700_000_000_000 + 26 * 3600 * 1000);
    const kept = await redrive({ projections: fixed, store, letters, now: later });
    expect(E.isRight(kept) && kept.right.total).toMatchObject({
      read: total,
      beyondReplay: total,
      applied: 0,
    });
    expect(letters.letters()).toHaveLength(total);
    const forced = await redrive({
      projections: fixed,
      store,
      letters,
      now: later,
      beyondReplayWindow: true,
    });
    expect(E.isRight(forced) && forced.right.total).toMatchObject({
      applied: total,
      beyondReplay: 0,
    });
  });
});
