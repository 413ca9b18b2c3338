import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { changeEvent } from '../testSupport/changeEvents.js';
import { lookup } from './lookup.js';
import { lookupOwner } from './lookupOwner.js';

const User = t.type({ userId: t.string, email: t.union([t.string, t.undefined]) });
const byEmail = lookup({
  name: 'userByEmail',
  table: 'usersByEmail',
  tombstones: 'usersByEmailTombstones',
  item: User,
  viewType: 'NEW_AND_OLD_IMAGES',
  valueAttribute: 'email',
  value: (user) => user.email,
});
const change = (
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  before: string | undefined,
  after: string | undefined,
) =>
  changeEvent({
    eventName,
    keys: { userId: 'u1' },
    sequence: 5,
    oldImage: { userId: 'u1', email: before },
    newImage: { userId: 'u1', email: after },
  });
const tags = (event: ReturnType<typeof change>) =>
  byEmail.plan(event as never).map((write) => [write._tag, (write as { key?: unknown }).key]);

describe('lookup', () => {
  it('claims the new value, releases the old one on a change, and the claim on removal', () => {
    const insert = change('INSERT', undefined, 'a@x');
    const claimedBy = insert.itemKey;
    expect(byEmail.plan(insert as never)).toEqual([
      {
        _tag: 'PutIfNewer',
        table: 'usersByEmail',
        key: { email: 'a@x', claimedBy },
        row: {
          email: 'a@x',
          claimedBy,
          owner: { userId: 'u1' },
          sluiceVersion: insert.sequenceNumber.padStart(40, '0'),
        },
        versionAttribute: 'sluiceVersion',
        tombstones: 'usersByEmailTombstones',
      },
    ]);
    expect(tags(change('MODIFY', 'a@x', 'b@x'))).toEqual([
      ['DeleteIfNewer', { email: 'a@x', claimedBy }],
      ['PutIfNewer', { email: 'b@x', claimedBy }],
    ]);
    expect(tags(change('MODIFY', 'a@x', 'a@x'))).toEqual([
      ['PutIfNewer', { email: 'a@x', claimedBy }],
    ]);
    expect(tags(change('MODIFY', 'a@x', undefined))).toEqual([
      ['DeleteIfNewer', { email: 'a@x', claimedBy }],
    ]);
    expect(tags(change('REMOVE', 'a@x', undefined))).toEqual([
      ['DeleteIfNewer', { email: 'a@x', claimedBy }],
    ]);
  });

  it('refuses a value attribute that would clash with the claim key', () => {
    expect(() =>
      lookup({
        ...byEmail,
        table: 't',
        tombstones: 'x',
        item: User,
        viewType: 'NEW_AND_OLD_IMAGES',
        value: () => undefined,
        valueAttribute: 'claimedBy',
      }),
    ).toThrow(/claimedBy/);
  });

  it('reads a value’s claims as unclaimed, owned or contested', () => {
    const claim = (userId: string) => ({ email: 'a@x', claimedBy: userId, owner: { userId } });
    expect(lookupOwner([])).toEqual({ _tag: 'Unclaimed' });
    expect(lookupOwner([claim('u1')])).toEqual({ _tag: 'Owned', owner: { userId: 'u1' } });
    expect(lookupOwner([claim('u1'), claim('u2')])).toEqual({
      _tag: 'Contested',
      owners: [{ userId: 'u1' }, { userId: 'u2' }],
    });
  });
});
