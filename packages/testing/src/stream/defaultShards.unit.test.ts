import { defineProjection } from '@sluice/projections';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { writeSourceTable } from '../spec/sourceTable.js';
import { InMemoryTable } from '../table/inMemoryTable.js';
import { DEFAULT_PARTITION_COUNT } from './inMemoryStream.js';

const projection = defineProjection({
  name: 'nothing',
  version: 1,
  item: t.unknown,
  viewType: 'KEYS_ONLY',
  plan: () => [],
});

describe('the default shard layout', () => {
  it('is several shards, for a table built by hand and for given() alike', async () => {
    const byHand = new InMemoryTable({
      tableName: 'tasks',
      partitionKey: { name: 'id', type: 'S' },
      streamViewType: 'KEYS_ONLY',
    });
    const forSpec = await writeSourceTable([], {}, [projection]);
    expect(DEFAULT_PARTITION_COUNT).toBeGreaterThan(1);
    expect(byHand.stream.openShardIds()).toHaveLength(DEFAULT_PARTITION_COUNT);
    expect(forSpec.stream.openShardIds()).toHaveLength(DEFAULT_PARTITION_COUNT);
  });

  it('spreads the writes of a hand-built table over those shards', () => {
    const table = new InMemoryTable({
      tableName: 'tasks',
      partitionKey: { name: 'id', type: 'S' },
      streamViewType: 'KEYS_ONLY',
    });
    for (let i = 0; i < 40; i++) table.put({ id: `task-${i}` });
    const used = table.stream
      .describeStream()
      .StreamDescription.Shards?.filter((s) => s.SequenceNumberRange?.StartingSequenceNumber);
    expect(used?.length).toBe(DEFAULT_PARTITION_COUNT);
  });
});
