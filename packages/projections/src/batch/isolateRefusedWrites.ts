import * as E from 'fp-ts/lib/Either.js';
import type { DeadLetter, PoisonReason } from '../deadLetter/deadLetter.js';
import { BatchPlanner } from '../plan/batchPlanner.js';
import type { Applied } from '../store/projectionStore.js';
import type { ApplyFailed, StoreError } from '../store/storeError.js';
import { batchFailed, earliestOrigin } from './batchFailed.js';
import type { BatchSettings } from './batchSettings.js';
import type { SettledBatch } from './checkpointOf.js';
import { isPermanentWriteFailure } from './permanentWriteFailure.js';
import { planRecords } from './planRecords.js';
import { poisonLetter } from './poisonLetter.js';
import type { ReadRecord } from './readRecord.js';

/** A projection's write for this record was refused for good by the store (e.g. an item over 400 KB). */
export interface WriteRefused extends PoisonReason {
  readonly _tag: 'WriteRefused';
  readonly cause: StoreError;
}

type Counts = { written: number; unchanged: number };
const add = (counts: Counts, applied: Applied) => {
  counts.written += applied.written;
  counts.unchanged += applied.unchanged;
};

/**
 * After the store refused a write for good (`poison: 'skip'`), finds the records that planned
 * it: from the earliest unconfirmed record, that record alone, one projection at a time (a
 * refused projection gets a dead letter, the others apply), then every later record together;
 * if the store refuses again, the same from the new earliest record. Records keep their order
 * and every write is idempotent, so what landed before is simply confirmed again. A transient
 * failure stops the batch at its record, as usual.
 */
export const isolateRefusedWrites = async (
  settings: BatchSettings,
  read: readonly ReadRecord[],
  from: number,
  poison: readonly DeadLetter[],
): Promise<SettledBatch> => {
  const { projections, store, deadLetters } = settings;
  const letters = [...poison];
  const counts: Counts = { written: 0, unchanged: 0 };
  for (let start = from; ; ) {
    // Refusals found when the batch was read are dead-lettered already: only admitted events plan.
    const { unreadable, events } = read[start]!;
    for (let j = 0; unreadable === undefined && j < projections.length; j++) {
      const event = events[j];
      if (event === undefined) continue;
      const alone = new BatchPlanner();
      alone.add(projections[j]!.plan(event), start);
      const applied = await store.apply(alone.result());
      if (E.isRight(applied)) {
        add(counts, applied.right);
        continue;
      }
      if (!isPermanentWriteFailure(applied.left.cause))
        return batchFailed(read, start, letters, applied.left);
      const letter = poisonLetter(
        settings,
        read[start]!,
        projections[j]!.name,
        writeRefused(projections[j]!.name, applied.left),
        false,
      );
      const sent = await deadLetters.send([letter]);
      if (E.isLeft(sent))
        return batchFailed(read, start, letters, {
          _tag: 'DeadLetterRefused',
          cause: sent.left,
          message: `dead-letter sink refused a record whose write the store refused: ${sent.left.message}`,
        });
      letters.push(letter);
    }
    const rest = planRecords(projections, read, start + 1, read.length).plan;
    const applied = await store.apply(rest);
    if (E.isRight(applied)) {
      add(counts, applied.right);
      return {
        _tag: 'BatchCompleted',
        processed: read.length,
        poison: letters,
        applied: { _tag: 'Applied', ...counts },
      };
    }
    const next = earliestOrigin(rest, applied.left.unconfirmed);
    if (!isPermanentWriteFailure(applied.left.cause))
      return batchFailed(read, next, letters, applied.left);
    start = next;
  }
};

const writeRefused = (projection: string, failure: ApplyFailed): WriteRefused => ({
  _tag: 'WriteRefused',
  cause: failure.cause,
  message: `the store refused ${projection}'s write for good: ${failure.cause.message}`,
});
