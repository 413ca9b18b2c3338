import { deliverStream, type InMemoryTable } from '@sluice/offline';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectsHandler } from './effectsHandler.js';
import type { IdempotencyStore } from './idempotencyStore.js';
import { InMemoryIdempotencyStore } from './inMemoryIdempotencyStore.js';
import { effectRecorder } from './testSupport/effectRecorder.js';
import { lineSteps, linesTable, shippedEmails } from './testSupport/shippedLines.js';

const MAPPING = {
  BatchSize: 3,
  BisectBatchOnFunctionError: true,
  MaximumRetryAttempts: -1,
  ParallelizationFactor: 2,
  FunctionResponseTypes: ['ReportBatchItemFailures'] as ['ReportBatchItemFailures'],
};

/** A clock that moves a second per reading, so a crashed claim's timeout passes while retries go on. */
const tickingClock = () => {
  let now = 4_000_000_000_000;
  return () => (now += 1000);
};

/** A store whose completions are lost now and then: the runner "crashed" after performing the effect. */
const crashingAfterPerform = (store: IdempotencyStore, every: number): IdempotencyStore => {
  let calls = 0;
  return {
    ...store,
    read: (keys, now) => store.read(keys, now),
    claim: (claim, now) => store.claim(claim, now),
    release: (key, token) => store.release(key, token),
    complete: async (key, token, expiresAt) => {
      calls++;
      if (calls % every === 0) throw new Error('process crashed before recording DONE');
      return store.complete(key, token, expiresAt);
    },
  };
};

const run = async (table: InMemoryTable, seed: number, faulty: boolean) => {
  const recorder = effectRecorder(new InMemoryIdempotencyStore(), faulty ? { failEvery: 3 } : {});
  const handler = effectsHandler({
    effects: shippedEmails,
    idempotency: faulty ? crashingAfterPerform(recorder.store, 2) : recorder.store,
    perform: recorder.perform,
    now: tickingClock(),
    inProgressTimeoutMs: 5000,
  });
  await deliverStream({
    source: table,
    handler,
    options: MAPPING,
    ...(faulty
      ? {
          faults: {
            seed,
            duplicateBatch: 0.5,
            loseResponse: 0.5,
            regroupRetries: 0.5,
            interleaveShards: true,
            concurrentBatches: 2,
          },
        }
      : {}),
  });
  return recorder;
};

describe('effectsHandler', () => {
  it('every effect is performed at least once and recorded DONE exactly once, and none is repeated once DONE, under any fault schedule', async () => {
    let faultsSeen = 0;
    let effectsSeen = 0;
    await fc.assert(
      fc.asyncProperty(lineSteps, fc.nat(), async (steps, seed) => {
        const table = linesTable(steps);
        const clean = await run(table, seed, false);
        const faulty = await run(table, seed, true);
        const expected = [...new Set(clean.performed)].sort();
        expect([...faulty.completions.keys()].sort()).toEqual(expected);
        expect([...faulty.completions.values()].every((n) => n === 1)).toBe(true);
        expect(new Set(faulty.performed)).toEqual(new Set(expected));
        expect(faulty.repeatedAfterDone).toEqual([]);
        faultsSeen += faulty.performed.length - expected.length;
        effectsSeen += expected.length;
      }),
      { numRuns: 40 },
    );
    // The schedules did crash runners after performing (repeats), and there were effects to send.
    expect(faultsSeen).toBeGreaterThan(0);
    expect(effectsSeen).toBeGreaterThan(40);
  });

  it('a clean delivery performs each effect exactly once; a second delivery performs none', async () => {
    const table = linesTable([
      { order: 1, line: 1, status: 'open', remove: false },
      { order: 1, line: 1, status: 'shipped', remove: false },
      { order: 2, line: 1, status: 'shipped', remove: false },
      { order: 1, line: 1, status: 'open', remove: false },
      { order: 1, line: 1, status: 'shipped', remove: false },
    ]);
    const store = new InMemoryIdempotencyStore();
    const recorder = effectRecorder(store);
    const handler = effectsHandler({
      effects: shippedEmails,
      idempotency: recorder.store,
      perform: recorder.perform,
    });
    await deliverStream({ source: table, handler, options: MAPPING });
    expect(recorder.performed).toHaveLength(3);
    await deliverStream({ source: table, handler, options: MAPPING });
    expect(recorder.performed).toHaveLength(3);
    expect(store.all().every((record) => record.status === 'DONE')).toBe(true);
  });
});
