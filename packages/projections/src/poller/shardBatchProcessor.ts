import type { _Record } from '@aws-sdk/client-dynamodb-streams';

/** The shard a batch of records comes from. */
export interface ShardRef {
  readonly streamArn: string;
  readonly shardId: string;
}

/** How far processing a batch got. */
export interface BatchOutcome {
  /** How many leading records are done (applied, filtered out or dead-lettered); the checkpoint moves past them. */
  readonly processed: number;
  /** Why processing stopped before the end of the batch (store failure, blocking poison record). */
  readonly failure?: { readonly message: string };
}

/**
 * What the poller runs on each batch, in stream order. It must never apply a record after one it
 * could not process (per-item order), and report how many leading records are done.
 */
export type ShardBatchProcessor = (
  records: readonly _Record[],
  shard: ShardRef,
) => Promise<BatchOutcome>;
