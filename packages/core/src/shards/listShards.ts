/** One shard of a stream, as `DescribeStream` lists it. */
export interface ShardInfo {
  /** The shard's id, as `GetShardIterator` takes it. */
  readonly shardId: string;
  /** The shard this one continues (after a roll-over or split); finish it first. */
  readonly parentShardId: string | undefined;
  /** Set once the shard is closed: no record will be added after this one. */
  readonly endingSequenceNumber: string | undefined;
}

/** The part of a `DescribeStream` answer's `StreamDescription` that listing reads (no SDK import). */
export interface ShardListPage {
  /** This page's shards, as the SDK's `Shard` has them. */
  readonly Shards?:
    | readonly {
        readonly ShardId?: string | undefined;
        readonly ParentShardId?: string | undefined;
        readonly SequenceNumberRange?:
          | { readonly EndingSequenceNumber?: string | undefined }
          | undefined;
      }[]
    | undefined;
  /** Set when more shards follow: the next page starts after this one. */
  readonly LastEvaluatedShardId?: string | undefined;
}

/**
 * Sends one `DescribeStream` starting after `exclusiveStartShardId` and answers its
 * `StreamDescription`; the caller builds the command, so core needs no Streams client.
 */
export type DescribeStreamPage = (
  exclusiveStartShardId: string | undefined,
) => Promise<ShardListPage | undefined>;

/** Every shard of a stream: pages through `DescribeStream` until no `LastEvaluatedShardId` is left. */
export const listShards = async (describePage: DescribeStreamPage): Promise<ShardInfo[]> => {
  const shards: ShardInfo[] = [];
  let startAfter: string | undefined;
  do {
    const page = await describePage(startAfter);
    for (const shard of page?.Shards ?? []) {
      if (shard.ShardId === undefined) continue;
      shards.push({
        shardId: shard.ShardId,
        parentShardId: shard.ParentShardId,
        endingSequenceNumber: shard.SequenceNumberRange?.EndingSequenceNumber,
      });
    }
    startAfter = page?.LastEvaluatedShardId;
  } while (startAfter !== undefined);
  return shards;
};
