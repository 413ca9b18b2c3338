import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { LeaseChange, LeaseTable } from './lease/leaseTable.js';
import type { PollerEvent } from './pollerEvents.js';
import { PollerHarness } from './testSupport/pollerHarness.js';
import { ScriptedStream } from './testSupport/scriptedStream.js';

const seq = (n: number) => String(n).padStart(21, '0');

/**
 * The harness's lease table, where another poller takes the lease just before the first write
 * `racedBy` picks lands: that write is then refused by the lease counter, as on DynamoDB.
 */
const takenBeforeWrite = (
  h: PollerHarness,
  racedBy: (change: LeaseChange) => boolean,
): LeaseTable => {
  let raced = false;
  return {
    list: (streamArn) => h.leases.list(streamArn),
    get: (streamArn, shardId) => h.leases.get(streamArn, shardId),
    create: (lease) => h.leases.create(lease),
    requestHandoff: (expected, to) => h.leases.requestHandoff(expected, to),
    remove: (expected) => h.leases.remove(expected),
    write: async (expected, change) => {
      if (!raced && racedBy(change)) {
        raced = true;
        const current = await h.lease(expected.shardId);
        if (current !== undefined) await h.leases.write(current, { owner: 'intruder' });
      }
      return h.leases.write(expected, change);
    },
  };
};

const lost = (events: readonly PollerEvent[]) =>
  events.flatMap((e) => (e._tag === 'LeaseLost' ? [e.reason] : []));

describe('a fenced lease write refused because another poller took the lease', () => {
  it('at shard end: the poller reports the lease lost and does not call the shard ended', async () => {
    const stream = new ScriptedStream().shard('a', [1, 2], { closed: true });
    const h = new PollerHarness(stream.client, stream.streamArn);
    const table = takenBeforeWrite(h, (change) => change.checkpoint === 'SHARD_END');
    const p = h.start('p1', {}, table);
    await h.clock.runUntil(() => lost(p.events).length > 0, 10_000);
    expect(lost(p.events)).toEqual(['refused at shard end']);
    expect(p.events.map((e) => e._tag)).not.toContain('ShardEnded');
    expect(await h.lease('a')).toMatchObject({ owner: 'intruder', checkpoint: seq(2) });
    await p.poller.stop();
    expect(await p.result).toEqual(E.right(undefined));
  });

  it('while handing over: the poller reports the lease lost and does not call it handed over', async () => {
    const stream = new ScriptedStream().shard('a', [1, 2]);
    const h = new PollerHarness(stream.client, stream.streamArn);
    const table = takenBeforeWrite(h, (change) => change.owner === 'p2');
    const p = h.start('p1', {}, table);
    await h.clock.runUntil(() => h.seen.length === 2, 10_000);
    const held = await h.lease('a');
    expect(held?.owner).toBe('p1');
    await h.leases.requestHandoff(held!, 'p2');
    await h.clock.runUntil(() => lost(p.events).length > 0, 10_000);
    expect(lost(p.events)).toEqual(['refused while handing over']);
    expect(p.events.map((e) => e._tag)).not.toContain('LeaseHandedOver');
    expect((await h.lease('a'))?.owner).toBe('intruder');
    await p.poller.stop();
  });

  it('fixing a LATEST start: the poller reports the lease lost and reads nothing', async () => {
    const stream = new ScriptedStream().shard('a', [1, 2]);
    const h = new PollerHarness(stream.client, stream.streamArn);
    await h.leases.create({
      streamArn: stream.streamArn,
      shardId: 'a',
      leaseCounter: 0,
      checkpoint: 'LATEST',
      parentShardIds: [],
    });
    const table = takenBeforeWrite(h, (change) => change.checkpoint !== undefined);
    const p = h.start('p1', {}, table);
    await h.clock.runUntil(() => lost(p.events).length > 0, 10_000);
    expect(lost(p.events)).toEqual(['refused fixing its start']);
    expect(p.events.map((e) => e._tag)).not.toContain('StartFixed');
    expect(await h.lease('a')).toMatchObject({ owner: 'intruder', checkpoint: 'LATEST' });
    expect(h.seen).toEqual([]);
    await p.poller.stop();
  });
});
