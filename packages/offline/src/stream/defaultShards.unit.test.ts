import { describe, expect, it } from 'vitest';
import { InMemoryTable } from '../table/inMemoryTable.js';
import { DEFAULT_PARTITION_COUNT } from './inMemoryStream.js';

const tasks = () =>
  new InMemoryTable({
    tableName: 'tasks',
    partitionKey: { name: 'id', type: 'S' },
    streamViewType: 'KEYS_ONLY',
  });

describe('the default shard layout', () => {
  it('is several shards for a table built by hand', () => {
    expect(DEFAULT_PARTITION_COUNT).toBeGreaterThan(1);
    expect(tasks().stream.openShardIds()).toHaveLength(DEFAULT_PARTITION_COUNT);
  });

  it('spreads the writes of a hand-built table over those shards', () => {
    const table = tasks();
    for (let i = 0; i < 40; i++) table.put({ id: `task-${i}` });
    const used = table.stream
      .describeStream()
      .StreamDescription.Shards?.filter((s) => s.SequenceNumberRange?.StartingSequenceNumber);
    expect(used?.length).toBe(DEFAULT_PARTITION_COUNT);
  });
});
