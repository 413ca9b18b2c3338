import { describe, expect, it } from 'vitest';
import { sequenceNumber } from '../testSupport/changeEvents.js';
import { InMemoryCheckpointStore } from './inMemoryCheckpointStore.js';

const key = { streamArn: 'arn:s', shardId: 'shard-1', projection: 'p' };

describe('InMemoryCheckpointStore', () => {
  it('moves a checkpoint only from the expected previous position', async () => {
    const store = new InMemoryCheckpointStore();
    expect(await store.get(key)).toEqual({ _tag: 'Right', right: undefined });
    expect(await store.put(key, sequenceNumber(1), undefined)).toEqual({
      _tag: 'Right',
      right: undefined,
    });
    const conflict = await store.put(key, sequenceNumber(2), undefined);
    expect(conflict).toMatchObject({
      left: { _tag: 'CheckpointConflict', actual: { sequenceNumber: sequenceNumber(1) } },
    });
    await store.put(key, sequenceNumber(2), sequenceNumber(1));
    expect(await store.get(key)).toMatchObject({ right: { sequenceNumber: sequenceNumber(2) } });
  });

  it('fences off a writer whose lease counter is older than the stored one', async () => {
    const store = new InMemoryCheckpointStore();
    await store.put(key, sequenceNumber(1), undefined, 3);
    const stale = await store.put(key, sequenceNumber(2), sequenceNumber(1), 2);
    expect(stale).toMatchObject({ left: { _tag: 'CheckpointConflict' } });
    const current = await store.put(key, sequenceNumber(2), sequenceNumber(1), 3);
    expect(current._tag).toBe('Right');
    await store.put(key, sequenceNumber(3), sequenceNumber(2));
    expect(await store.get(key)).toMatchObject({ right: { leaseCounter: 3 } });
  });

  it('keeps shards and projections apart', async () => {
    const store = new InMemoryCheckpointStore();
    await store.put(key, sequenceNumber(1), undefined);
    expect(await store.get({ ...key, shardId: 'shard-2' })).toMatchObject({ right: undefined });
    expect(await store.get({ ...key, projection: 'q' })).toMatchObject({ right: undefined });
  });
});
