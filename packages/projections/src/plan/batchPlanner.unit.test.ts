import { describe, expect, it } from 'vitest';
import { BatchPlanner } from './batchPlanner.js';
import { tombstoneIdOf } from './tombstoneId.js';
import { deleteIfNewer, putIfNewer, tombstoneExpiresAt, type Write } from './write.js';

const version = (n: number) => String(n).padStart(40, '0');

const put = (n: number, source?: string) =>
  putIfNewer('lookup', { email: 'e' }, { email: 'e', version: version(n) }, 'version', {
    ...(source === undefined ? {} : { source }),
    tombstones: 'tombstones',
  });

const remove = (n: number, source?: string) =>
  deleteIfNewer('lookup', { email: 'e' }, version(n), 'version', {
    ...(source === undefined ? {} : { source }),
    tombstones: 'tombstones',
    expiresAt: n,
  });

/** Plans each write as the change at its index; returns the coalesced writes. */
const plan = (...writes: Write[]): readonly Write[] => {
  const planner = new BatchPlanner();
  writes.forEach((write, i) => {
    planner.add([write], i);
  });
  return planner.result().writes;
};

describe('coalescing PutIfNewer and DeleteIfNewer of one row', () => {
  it('keeps the newer of two writes of one source item, a delete after a put included', () => {
    expect(plan(put(1, 'u1'), put(2, 'u1'))).toEqual([put(2, 'u1')]);
    expect(plan(put(2, 'u1'), put(1, 'u1'))).toEqual([put(2, 'u1')]);
    expect(plan(put(1), remove(2))).toEqual([remove(2)]);
    expect(plan(remove(1), remove(2))).toEqual([remove(2)]);
  });

  it('keeps a put after a delete apart, so the tombstone lands whatever the batching', () => {
    expect(plan(remove(1), put(2))).toEqual([remove(1), put(2)]);
    expect(plan(remove(1), put(2), remove(3))).toEqual([remove(1), remove(3)]);
  });

  it('never merges writes of two source items: they stay in planned order', () => {
    expect(plan(put(5, 'u1'), put(1, 'u2'), remove(6, 'u1'), put(2, 'u2'))).toEqual([
      put(5, 'u1'),
      put(1, 'u2'),
      remove(6, 'u1'),
      put(2, 'u2'),
    ]);
    expect(plan(put(5, 'u1'), put(6, 'u1'), put(1, 'u2'))).toEqual([put(6, 'u1'), put(1, 'u2')]);
  });
});

describe('tombstones', () => {
  it('expire 25 hours after the change: the stream keeps records 24 hours', () => {
    expect(tombstoneExpiresAt(new Date('2024-01-01T00:00:00.900Z'))).toBe(
      Date.UTC(2024, 0, 2, 1) / 1000,
    );
  });

  it('are kept per row and per source item', () => {
    const ids = [
      tombstoneIdOf('t', { a: 'x' }, undefined),
      tombstoneIdOf('t', { a: 'x' }, 'u1'),
      tombstoneIdOf('t', { a: 'x' }, 'u2'),
      tombstoneIdOf('t', { a: 'y' }, 'u1'),
      tombstoneIdOf('u', { a: 'x' }, 'u1'),
      tombstoneIdOf('t', { a: 'x', b: 'u1' }, undefined),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });
});
