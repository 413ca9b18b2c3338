import { describe, expect, it } from 'vitest';
import { changeEvent } from '../testSupport/changeEvents.js';
import { TaskCodec } from '../testSupport/taskHistory.js';
import { archive } from './archive.js';

const old = { id: 'a', list: 'l1', points: 1, title: 'x' };
const removal = (ttl: boolean) =>
  changeEvent({
    eventName: 'REMOVE',
    keys: { id: 'a' },
    sequence: 7,
    oldImage: old,
    ttl,
    at: Date.UTC(2024, 0, 2),
  });

describe('archive', () => {
  it('puts the old image with removal time, cause and sortable sequence number, if newer than what is stored', () => {
    const archived = archive({
      name: 'archive',
      table: 'archive',
      item: TaskCodec,
      viewType: 'OLD_IMAGE',
    });
    const event = removal(false);
    expect(archived.plan(event as never)).toEqual([
      {
        _tag: 'PutIfNewer',
        table: 'archive',
        key: { id: 'a' },
        row: {
          id: 'a',
          item: old,
          removedAt: '2024-01-02T00:00:00.000Z',
          removedBy: 'user',
          sequenceNumber: event.sequenceNumber.padStart(40, '0'),
        },
        versionAttribute: 'sequenceNumber',
      },
    ]);
  });

  it('ignores INSERT and MODIFY, and user removals when only TTL removals are archived', () => {
    const ttlOnly = archive({
      name: 'archive',
      table: 'a',
      item: TaskCodec,
      viewType: 'NEW_AND_OLD_IMAGES',
      removals: 'ttl',
    });
    const insert = changeEvent({
      eventName: 'INSERT',
      keys: { id: 'a' },
      sequence: 1,
      newImage: old,
    });
    expect(ttlOnly.plan(insert as never)).toEqual([]);
    expect(ttlOnly.plan(removal(false) as never)).toEqual([]);
    expect(ttlOnly.plan(removal(true) as never)[0]).toMatchObject({ row: { removedBy: 'ttl' } });
  });
});
