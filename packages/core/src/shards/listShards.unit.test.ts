import { describe, expect, it } from 'vitest';
import { listShards, type ShardListPage } from './listShards.js';

const pages: Record<string, ShardListPage> = {
  first: {
    Shards: [
      { ShardId: 'shard-1', SequenceNumberRange: { EndingSequenceNumber: '200' } },
      { ParentShardId: 'shard-0' },
    ],
    LastEvaluatedShardId: 'shard-1',
  },
  'shard-1': { Shards: [{ ShardId: 'shard-2', ParentShardId: 'shard-1' }] },
};

describe('listShards', () => {
  it('follows LastEvaluatedShardId to the last page and keeps lineage and closing', async () => {
    const asked: (string | undefined)[] = [];
    const shards = await listShards(async (startAfter) => {
      asked.push(startAfter);
      return pages[startAfter ?? 'first'];
    });
    expect(asked).toEqual([undefined, 'shard-1']);
    expect(shards).toEqual([
      { shardId: 'shard-1', parentShardId: undefined, endingSequenceNumber: '200' },
      { shardId: 'shard-2', parentShardId: 'shard-1', endingSequenceNumber: undefined },
    ]);
  });

  it('answers no shards for a stream without a description', async () => {
    expect(await listShards(async () => undefined)).toEqual([]);
  });

  it('lets a failed call reach the caller, which decides how to report it', async () => {
    await expect(
      listShards(async () => {
        throw new Error('ResourceNotFoundException');
      }),
    ).rejects.toThrow('ResourceNotFoundException');
  });
});
