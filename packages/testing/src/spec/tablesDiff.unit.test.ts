import { describe, expect, it } from 'vitest';
import { tablesDiff } from './tablesDiff.js';

const live = (sequenceNumber: string) => ({ sequenceNumber, amounts: { count: 1 } });
const removed = (sequenceNumber: string) => ({ sequenceNumber, amounts: null, expiresAt: 100 });
const keys = { counts: ['listId'] };

describe('tablesDiff and the markers kept in group rows', () => {
  it('leaves them out when comparing with expected rows', () => {
    const actual = { counts: [{ listId: 'a', count: 1, 'sluice#p@1|x': live('1') }] };
    expect(tablesDiff({ counts: [{ listId: 'a', count: 1 }] }, actual, keys)).toEqual([]);
  });

  it('against a clean pass, compares the markers of live items and not those of removed ones', () => {
    const clean = {
      counts: [{ listId: 'a', count: 1, 'sluice#p@1|x': live('2'), 'sluice#p@1|y': removed('3') }],
    };
    const sameLive = { counts: [{ listId: 'a', count: 1, 'sluice#p@1|x': live('2') }] };
    const otherLive = { counts: [{ listId: 'a', count: 1, 'sluice#p@1|x': live('1') }] };
    expect(tablesDiff(clean, sameLive, keys, {}, undefined, 'live')).toEqual([]);
    expect(tablesDiff(clean, otherLive, keys, {}, undefined, 'live').join('\n')).toContain(
      'sluice#p@1|x',
    );
  });
});
