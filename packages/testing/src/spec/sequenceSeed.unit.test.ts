import { orderHistory } from '@sluice/projections';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { faultyDeliveries } from './deliveryPlan.js';
import { given } from './given.js';

const history = orderHistory({
  name: 'history',
  table: 'history',
  item: t.type({ id: t.string }),
  viewType: 'NEW_IMAGE',
  entityId: (event) => String(event.keys.id),
});

const changes = Array.from({ length: 8 }, (_, i) => ({ put: { id: `item-${i}` } }));

const sequenceNumbersFor = async (seed: number) => {
  const { tables } = await given(changes)
    .when(history, { deliveries: faultyDeliveries(seed) })
    .outcome();
  return (tables.history ?? []).map((row) => String(row.sequenceNumber)).sort();
};

describe('given() and sequence numbers', () => {
  it('lays out the shards’ sequence numbers from the delivery seed: other seeds, other cross-shard orders', async () => {
    expect(await sequenceNumbersFor(1)).toEqual(await sequenceNumbersFor(1));
    expect(await sequenceNumbersFor(1)).not.toEqual(await sequenceNumbersFor(2));
  });
});
