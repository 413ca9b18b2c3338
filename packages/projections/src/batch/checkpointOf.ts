import type { BatchCheckpoint } from '../checkpoint/batchCheckpoint.js';
import { checkpointAfter } from '../checkpoint/checkpointAfter.js';
import type { BatchCompleted, BatchFailed } from './batchResult.js';
import { type ReadRecord, readIdentity } from './readRecord.js';

/** A batch's outcome before its checkpoint is set: what the walk's steps return. */
export type SettledBatch = Omit<BatchCompleted, 'checkpoint'> | Omit<BatchFailed, 'checkpoint'>;

/** The checkpoint of a batch whose leading `handled` records are done: the walk's last step. */
export const checkpointOf = (read: readonly ReadRecord[], handled: number): BatchCheckpoint =>
  checkpointAfter(read.length, handled, false, (i) => readIdentity(read[i]!).sequenceNumber);
