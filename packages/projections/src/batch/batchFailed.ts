import type { DeadLetter } from '../deadLetter/deadLetter.js';
import type { PlannedBatch } from '../plan/plannedBatch.js';
import type { BatchFailure } from './batchResult.js';
import type { SettledBatch } from './checkpointOf.js';
import { type ReadRecord, readIdentity } from './readRecord.js';

/** The batch stopped at record `index`: it and every later record must be delivered again. */
export const batchFailed = (
  read: readonly ReadRecord[],
  index: number,
  poison: readonly DeadLetter[],
  cause: BatchFailure,
): SettledBatch => {
  const { eventId, sequenceNumber } = readIdentity(read[index]!);
  return {
    _tag: 'BatchFailed',
    processed: index,
    failedIndex: index,
    failedAt: sequenceNumber,
    eventId,
    cause,
    poison,
  };
};

/** The earliest record whose writes are not all confirmed: where a retry must start. */
export const earliestOrigin = (batch: PlannedBatch, unconfirmed: readonly number[]): number => {
  let earliest = Number.POSITIVE_INFINITY;
  for (const index of unconfirmed) earliest = Math.min(earliest, batch.origins[index] ?? 0);
  return Number.isFinite(earliest) ? earliest : 0;
};
