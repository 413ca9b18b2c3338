import type { Checkpoint } from './checkpoint.js';

/**
 * A batch's checkpoint, as the orchestrator reports it: its leading `handled` records are done,
 * `through` is the last one's sequence number; when not complete, the rest must come again.
 */
export interface BatchCheckpoint extends Checkpoint<string> {
  /** How many leading records of the batch are handled. */
  readonly handled: number;
  /**
   * The first record not handled, where a redelivery must start (Lambda's batch item failure):
   * its sequence number, `undefined` when complete or when that record carries none.
   */
  readonly retryFrom: string | undefined;
}
