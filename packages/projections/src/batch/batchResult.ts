import type { BatchCheckpoint } from '../checkpoint/batchCheckpoint.js';
import type { DeadLetter } from '../deadLetter/deadLetter.js';
import type { Applied } from '../store/projectionStore.js';
import type { ApplyFailed, StoreError } from '../store/storeError.js';

/** A poison record stopped the batch (`poison: 'block'`); it went to the dead-letter sink first. */
export interface PoisonBlocked {
  readonly _tag: 'PoisonBlocked';
  readonly letter: DeadLetter;
  readonly message: string;
}

/** The dead-letter sink refused a poison record, so the batch may not move past it. */
export interface DeadLetterRefused {
  readonly _tag: 'DeadLetterRefused';
  readonly cause: StoreError;
  readonly message: string;
}

/** Why a batch stopped before its end. */
export type BatchFailure = ApplyFailed | PoisonBlocked | DeadLetterRefused;

/** Every record of the batch is handled: applied, filtered out, or dead-lettered and skipped. */
export interface BatchCompleted {
  readonly _tag: 'BatchCompleted';
  readonly processed: number;
  /** Records no projection wanted (filtered out by every projection's filter). */
  readonly filtered?: number;
  /** Poison records sent to the dead-letter sink and moved past. */
  readonly poison: readonly DeadLetter[];
  readonly applied: Applied;
  /** Every record handled: the checkpoint is the batch's last record. */
  readonly checkpoint: BatchCheckpoint;
}

/**
 * The records before `failedIndex` are handled; the one at `failedIndex` and every later one must
 * be delivered again (Lambda: report `failedAt` as the batch item failure).
 */
export interface BatchFailed {
  readonly _tag: 'BatchFailed';
  /** Records handled, equal to `failedIndex`. */
  readonly processed: number;
  readonly failedIndex: number;
  /** The failed record's sequence number as delivered; `undefined` if it had none (retry everything). */
  readonly failedAt: string | undefined;
  readonly eventId: string | undefined;
  readonly cause: BatchFailure;
  readonly poison: readonly DeadLetter[];
  /** Up to the record before `failedIndex`; the redelivery starts at `failedAt`. */
  readonly checkpoint: BatchCheckpoint;
}

/** The outcome of one batch. */
export type BatchResult = BatchCompleted | BatchFailed;
