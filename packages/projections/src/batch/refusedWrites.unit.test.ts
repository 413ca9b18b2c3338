import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InMemoryDeadLetterTable } from '../deadLetter/inMemoryDeadLetterTable.js';
import { SimulatedCrash } from '../memory/injectedFault.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import type { PlannedBatch } from '../plan/plannedBatch.js';
import type { Write } from '../plan/write.js';
import { deliver, incoming, projectionConsumer, steps } from '../testSupport/deliveries.js';
import { taskHistory, taskOps, taskProjections } from '../testSupport/taskHistory.js';
import { isPermanentWriteFailure } from './permanentWriteFailure.js';
import { processRecords } from './processRecords.js';
import { refusingStore } from './testSupport/refusingStore.js';

// The history row of a poisoned change is "too large": DynamoDB refuses it for good.
const refusedRow = (poisoned: ReadonlySet<string>) => (write: Write) =>
  write._tag === 'PutRow' && write.table === 'history' && poisoned.has(String(write.row.eventId));

const history = fc
  .record({
    ops: taskOps({ tasks: 6, lists: 3, maxLength: 50 }),
    shards: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ ops, shards }) => taskHistory(ops, shards).shards);

describe('writes the store refuses for good', () => {
  it('under any delivery with transient faults, only the records whose write is refused become dead letters (once each, for that projection); everything else equals a clean pass', async () => {
    await fc.assert(
      fc.asyncProperty(
        history,
        fc.func(fc.boolean()),
        steps(),
        async (shards, poisonedIf, plan) => {
          const events = shards.flat();
          const poisoned = new Set(
            events.filter((e) => poisonedIf(e.eventId)).map((e) => e.eventId),
          );
          const refuses = refusedRow(poisoned);

          // The clean pass: one delivery per shard, the refused rows simply never written.
          const clean = new InMemoryProjectionStore();
          const dropping = {
            apply: (batch: PlannedBatch) => {
              const kept = batch.writes.flatMap((w, i) => (refuses(w) ? [] : [i]));
              return clean.apply({
                writes: kept.map((i) => batch.writes[i]!),
                origins: kept.map((i) => batch.origins[i]!),
              });
            },
            scan: (table: string) => clean.scan(table),
          };
          for (const shard of shards) {
            const done = await processRecords(
              {
                projections: taskProjections(),
                store: dropping,
                deadLetters: new InMemoryDeadLetterTable(),
              },
              incoming(shard),
            );
            expect(done._tag).toBe('BatchCompleted');
          }

          const inner = new InMemoryProjectionStore();
          const letters = new InMemoryDeadLetterTable();
          const settings = {
            projections: taskProjections(),
            store: refusingStore(inner, refuses),
            deadLetters: letters,
          };
          await deliver(
            shards,
            plan,
            projectionConsumer(settings, (e) => e instanceof SimulatedCrash),
          );

          expect(inner.tables()).toEqual(clean.tables());
          expect(letters.letters().map((l) => [l.projection, l.eventId, l.reason._tag])).toEqual(
            [...poisoned].sort().map((id) => ['taskHistory', id, 'WriteRefused']),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it("with poison: 'block' a refused write stops the batch at its record, as any store failure", async () => {
    const shards = taskHistory(
      [
        { task: 1, kind: 'put', list: 0, points: 1 },
        { task: 2, kind: 'put', list: 0, points: 1 },
      ],
      1,
    ).shards;
    const events = shards[0]!;
    const store = refusingStore(
      new InMemoryProjectionStore(),
      refusedRow(new Set([events[1]!.eventId])),
    );
    const letters = new InMemoryDeadLetterTable();
    const result = await processRecords(
      { projections: taskProjections(), store, deadLetters: letters, poison: 'block' },
      incoming(events),
    );
    expect(result).toMatchObject({ _tag: 'BatchFailed', failedIndex: 1 });
    expect(letters.letters()).toEqual([]);
  });

  it('tells writes refused for good from faults worth retrying', () => {
    const requestFailed = (name: string, message = '') => ({
      _tag: 'DynamoDbRequestFailed',
      message,
      cause: { name, message },
    });
    expect(isPermanentWriteFailure({ _tag: 'ItemTooLarge', message: '' })).toBe(true);
    expect(isPermanentWriteFailure(requestFailed('ValidationException'))).toBe(true);
    expect(
      isPermanentWriteFailure(
        requestFailed(
          'TransactionCanceledException',
          'Transaction cancelled [None, ValidationError]',
        ),
      ),
    ).toBe(true);
    expect(
      isPermanentWriteFailure(
        requestFailed(
          'TransactionCanceledException',
          'Transaction cancelled [TransactionConflict]',
        ),
      ),
    ).toBe(false);
    expect(isPermanentWriteFailure(requestFailed('ResourceNotFoundException'))).toBe(false);
    expect(isPermanentWriteFailure({ _tag: 'DynamoDbRetriesExhausted', message: '' })).toBe(false);
  });
});
