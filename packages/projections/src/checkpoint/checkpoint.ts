/**
 * The position up to which every record is handled (applied, filtered out or dead-lettered): the
 * one checkpoint every runner keeps, whatever its positions are (sequence numbers, scan keys).
 * A runner resumes right after `through`; nothing at or before it is ever needed again.
 */
export interface Checkpoint<Position> {
  /** Every record up to and including this position is handled; `undefined`: none yet. */
  readonly through: Position | undefined;
  /** Every record handed over is handled (the batch, the shard's page, the scan segment is done). */
  readonly complete: boolean;
}

/**
 * How a runner keeps checkpoints: Lambda answers with them (batch item failures), the poller
 * writes them to its shard's lease (fenced), backfill to its segment table. What keeping gives
 * back is the runner's (a response, a fenced write's verdict, a store result).
 */
export interface Checkpointer<C extends Checkpoint<unknown>, Kept> {
  /** Keeps `checkpoint`: a runner never keeps one behind the one it kept before. */
  store(checkpoint: C): Kept;
}
