import { InMemoryTable } from '@sluice/offline';
import { defineProjection } from '@sluice/projections';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { writeSourceTable } from './sourceTable.js';

const projection = defineProjection({
  name: 'nothing',
  version: 1,
  item: t.unknown,
  viewType: 'KEYS_ONLY',
  plan: () => [],
});

describe("given()'s source table", () => {
  it('has the shards of a table built by hand: several of them', async () => {
    const byHand = new InMemoryTable({
      tableName: 'tasks',
      partitionKey: { name: 'id', type: 'S' },
      streamViewType: 'KEYS_ONLY',
    });
    const forSpec = await writeSourceTable([], {}, [projection]);
    expect(byHand.stream.openShardIds().length).toBeGreaterThan(1);
    expect(forSpec.stream.openShardIds()).toHaveLength(byHand.stream.openShardIds().length);
  });
});
