import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { SimulatedCrash } from '../memory/injectedFault.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import { incoming } from '../testSupport/deliveries.js';
import { taskHistory, taskOps, taskProjections } from '../testSupport/taskHistory.js';
import { processRecords } from './processRecords.js';

const setup = () => ({
  projections: taskProjections(),
  store: new InMemoryProjectionStore(),
  deadLetters: new InMemoryDeadLetters(),
});

// Two batches: the first lands, the second is the one that crashes.
const batches = (ops: Parameters<typeof taskHistory>[0]) => {
  const events = taskHistory(ops, 1).shards[0]!;
  const half = Math.floor(events.length / 2);
  return [incoming(events.slice(0, half)), incoming(events.slice(half))] as const;
};

describe('a crash in the middle of a batch', () => {
  it('a store that crashes after k of n writes of a batch, for every k, ends as a clean run once the batch is retried', async () => {
    await fc.assert(
      fc.asyncProperty(taskOps({ tasks: 6, lists: 3, maxLength: 40 }), async (ops) => {
        const [first, second] = batches(ops);
        const clean = setup();
        await processRecords(clean, first);
        const before = clean.store.writeCount;
        await processRecords(clean, second);
        const n = clean.store.writeCount - before;
        for (let k = 0; k < n; k++) {
          const settings = setup();
          await processRecords(settings, first);
          settings.store.failAfter(k, 'crash');
          await expect(processRecords(settings, second)).rejects.toBeInstanceOf(SimulatedCrash);
          const retried = await processRecords(settings, second);
          expect(retried._tag).toBe('BatchCompleted');
          expect(settings.store.tables()).toEqual(clean.store.tables());
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a store that fails after k of n writes reports the earliest unconfirmed record; redelivering from it ends as a clean run', async () => {
    await fc.assert(
      fc.asyncProperty(taskOps({ tasks: 6, lists: 3, maxLength: 40 }), async (ops) => {
        const [first, second] = batches(ops);
        const clean = setup();
        await processRecords(clean, first);
        const before = clean.store.writeCount;
        await processRecords(clean, second);
        const n = clean.store.writeCount - before;
        for (let k = 0; k < n; k++) {
          const settings = setup();
          await processRecords(settings, first);
          settings.store.failAfter(k, 'fail');
          const failed = await processRecords(settings, second);
          if (failed._tag !== 'BatchFailed') throw new Error('expected the batch to fail');
          expect(failed.cause._tag).toBe('ApplyFailed');
          expect(failed.failedAt).toBe(
            failed.failedIndex < second.length
              ? (second[failed.failedIndex]!.event as { right: { sequenceNumber: string } }).right
                  .sequenceNumber
              : undefined,
          );
          await processRecords(settings, second.slice(failed.failedIndex));
          expect(settings.store.tables()).toEqual(clean.store.tables());
        }
      }),
      { numRuns: 60 },
    );
  });
});
