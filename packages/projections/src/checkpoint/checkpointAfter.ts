import type { BatchCheckpoint } from './batchCheckpoint.js';

/**
 * The one rule for a batch's checkpoint: of `length` records, the leading `handled` are done
 * (clamped to the batch); `through` is the last of them, `retryFrom` the first not done. A batch
 * is complete only when every record is handled and nothing stopped it (`stopped`).
 */
export const checkpointAfter = (
  length: number,
  handled: number,
  stopped: boolean,
  sequenceNumberAt: (index: number) => string | undefined,
): BatchCheckpoint => {
  const done = Math.max(0, Math.min(handled, length));
  const complete = !stopped && done === length;
  return {
    through: done > 0 ? sequenceNumberAt(done - 1) : undefined,
    complete,
    handled: done,
    retryFrom: complete ? undefined : sequenceNumberAt(done),
  };
};
