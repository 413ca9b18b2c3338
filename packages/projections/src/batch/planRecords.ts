import { BatchPlanner } from '../plan/batchPlanner.js';
import type { PlannedBatch } from '../plan/plannedBatch.js';
import type { Projection } from '../projection/projection.js';
import type { ReadRecord } from './readRecord.js';

/** The writes of a run of records, and how many of them no projection wanted. */
export interface PlannedRecords {
  readonly plan: PlannedBatch;
  /** Records every filter or view left out (counted for metrics). */
  readonly filtered: number;
}

/**
 * Plans the admitted events of records `from` (inclusive) to `to` (exclusive), coalesced into one
 * batch whose writes remember the record that planned them (their origin, its batch index).
 */
export const planRecords = (
  projections: readonly Projection[],
  read: readonly ReadRecord[],
  from: number,
  to: number,
): PlannedRecords => {
  const planner = new BatchPlanner();
  let filtered = 0;
  for (let i = from; i < to; i++) {
    const { unreadable, events, refusals } = read[i]!;
    if (unreadable !== undefined) continue;
    let wanted = false;
    for (let j = 0; j < projections.length; j++) {
      const event = events[j];
      if (event !== undefined) planner.add(projections[j]!.plan(event), i);
      wanted ||= event !== undefined || refusals[j] !== undefined;
    }
    if (!wanted) filtered++;
  }
  return { plan: planner.result(), filtered };
};
