import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { changeEvent } from '../testSupport/changeEvents.js';
import { replicate } from './replicate.js';

const Task = t.type({ id: t.string, title: t.string, secret: t.string });
const replica = replicate({
  name: 'taskReplica',
  table: 'replica',
  tombstones: 'replicaTombstones',
  item: Task,
  viewType: 'NEW_IMAGE',
  transform: ({ secret: _, title, ...rest }) => ({ ...rest, name: title }),
});
const image = { id: 'a', title: 'x', secret: 's' };
const version = (event: { sequenceNumber: string }) => event.sequenceNumber.padStart(40, '0');

describe('replicate', () => {
  it('puts the transformed new image keyed like the source, owned by the source item, tombstones checked', () => {
    for (const eventName of ['INSERT', 'MODIFY'] as const) {
      const event = changeEvent({
        eventName,
        keys: { id: 'a' },
        sequence: 3,
        newImage: image,
        oldImage: image,
        viewType: 'NEW_IMAGE',
      });
      expect(replica.plan(event as never)).toEqual([
        {
          _tag: 'PutIfNewer',
          table: 'replica',
          key: { id: 'a' },
          row: { id: 'a', name: 'x', sluiceVersion: version(event) },
          versionAttribute: 'sluiceVersion',
          source: event.itemKey,
          tombstones: 'replicaTombstones',
        },
      ]);
    }
  });

  it('deletes on REMOVE, leaving a tombstone that outlives the stream’s retention', () => {
    const event = changeEvent({
      eventName: 'REMOVE',
      keys: { id: 'a' },
      sequence: 4,
      viewType: 'NEW_IMAGE',
      at: Date.UTC(2024, 0, 1),
    });
    expect(replica.plan(event as never)).toEqual([
      {
        _tag: 'DeleteIfNewer',
        table: 'replica',
        key: { id: 'a' },
        version: version(event),
        versionAttribute: 'sluiceVersion',
        source: event.itemKey,
        tombstones: 'replicaTombstones',
        expiresAt: Date.UTC(2024, 0, 1) / 1000 + 25 * 3600,
      },
    ]);
  });

  it('keeps the source key even when the transform drops or renames it', () => {
    const renaming = replicate({
      name: 'r',
      table: 'replica',
      tombstones: 'tombstones',
      item: Task,
      viewType: 'NEW_AND_OLD_IMAGES',
      transform: ({ id, ...rest }) => ({ ...rest, taskId: id }),
    });
    const event = changeEvent({
      eventName: 'INSERT',
      keys: { id: 'a' },
      sequence: 1,
      newImage: image,
    });
    expect(renaming.plan(event as never)[0]).toMatchObject({ row: { id: 'a', taskId: 'a' } });
  });
});
