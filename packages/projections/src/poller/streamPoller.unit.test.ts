import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { PollerHarness } from './testSupport/pollerHarness.js';
import { ScriptedStream } from './testSupport/scriptedStream.js';

const seq = (n: number) => String(n).padStart(21, '0');
const seqs = (...ns: number[]) => ns.map(seq);

/** A split: shard a closes and continues as b and c; d is unrelated and open. */
const splitStream = () =>
  new ScriptedStream()
    .shard('a', [1, 2, 3], { closed: true })
    .shard('b', [4, 5], { parent: 'a', closed: true })
    .shard('c', [6, 7], { parent: 'a' })
    .shard('d', [10, 11, 12]);

describe('streamPoller', () => {
  it('reads every shard exactly once, each parent to its end before its children, and checkpoints', async () => {
    const stream = splitStream();
    const h = new PollerHarness(stream.client, stream.streamArn);
    const p = h.start('p1', { batchSize: 2 });
    await h.clock.runUntil(() => h.seen.length === 10, 60_000);
    expect(h.processed('a')).toEqual(seqs(1, 2, 3));
    expect(h.processed('b')).toEqual(seqs(4, 5));
    expect(h.processed('c')).toEqual(seqs(6, 7));
    expect(h.processed('d')).toEqual(seqs(10, 11, 12));
    const lastOfA = Math.max(...h.seen.filter((s) => s.shardId === 'a').map((s) => s.order));
    const firstOfChildren = Math.min(
      ...h.seen.filter((s) => s.shardId === 'b' || s.shardId === 'c').map((s) => s.order),
    );
    expect(lastOfA).toBeLessThan(firstOfChildren);
    await p.poller.stop();
    expect(await p.result).toEqual(E.right(undefined));
    expect(await h.lease('a')).toMatchObject({ checkpoint: 'SHARD_END' });
    expect(await h.lease('b')).toMatchObject({ checkpoint: 'SHARD_END', parentShardIds: ['a'] });
    expect(await h.lease('c')).toMatchObject({ checkpoint: seq(7) });
    expect(await h.lease('d')).toMatchObject({ checkpoint: seq(12) });
    expect(h.leases.all().every((lease) => lease.owner === undefined)).toBe(true);
  });

  it('resumes after the checkpoint when restarted, reading only what came since', async () => {
    const stream = new ScriptedStream().shard('a', [1, 2, 3]);
    const h = new PollerHarness(stream.client, stream.streamArn);
    const first = h.start('p1');
    await h.clock.runUntil(() => h.seen.length === 3, 10_000);
    await first.poller.stop();
    stream.shards[0]!.sequenceNumbers.push(4, 5);
    const second = h.start('p2');
    await h.clock.runUntil(() => h.seen.length === 5, 10_000);
    await second.poller.stop();
    expect(h.processed('a')).toEqual(seqs(1, 2, 3, 4, 5));
    expect(h.seen.slice(3).every((s) => s.worker === 'p2')).toBe(true);
  });

  it('starting at LATEST on a first start skips what the stream already holds, closed shards included', async () => {
    const stream = new ScriptedStream()
      .shard('old', [1, 2], { closed: true })
      .shard('a', [3, 4], { parent: 'old' });
    const h = new PollerHarness(stream.client, stream.streamArn);
    const p = h.start('p1', { startingPosition: 'LATEST' });
    await h.clock.runUntil(() => p.events.some((e) => e._tag === 'LeaseTaken'), 10_000);
    await h.clock.runFor(1_000);
    stream.shards[1]!.sequenceNumbers.push(5);
    await h.clock.runUntil(() => h.seen.length === 1, 10_000);
    await p.poller.stop();
    expect(h.processed('a')).toEqual(seqs(5));
    expect(await h.lease('old')).toMatchObject({ checkpoint: 'SHARD_END' });
  });

  it('starting at LATEST stores where the shard stands (TRIM_HORIZON on an empty one): killed before its first checkpoint, a restart misses nothing', async () => {
    const stream = new ScriptedStream().shard('a', [1, 2]).shard('empty', []);
    const h = new PollerHarness(stream.client, stream.streamArn);
    const p1 = h.start('p1', { startingPosition: 'LATEST' });
    await h.clock.runUntil(() => p1.events.some((e) => e._tag === 'LeaseTaken'), 10_000);
    expect(await h.lease('a')).toMatchObject({ checkpoint: seq(2) });
    expect(await h.lease('empty')).toMatchObject({ checkpoint: 'TRIM_HORIZON' });
    p1.kill();
    stream.shards[0]!.sequenceNumbers.push(3, 4);
    stream.shards[1]!.sequenceNumbers.push(5);
    const p2 = h.start('p2', { startingPosition: 'LATEST' });
    await h.clock.runUntil(() => h.seen.length === 3, 30_000);
    await p2.poller.stop();
    expect(h.processed('a')).toEqual(seqs(3, 4));
    expect(h.processed('empty')).toEqual(seqs(5));
  });

  it('fixes a LATEST checkpoint stored by an older version before its first read, so a restart misses nothing', async () => {
    const stream = new ScriptedStream().shard('a', [1, 2]);
    const h = new PollerHarness(stream.client, stream.streamArn);
    await h.leases.create({
      streamArn: stream.streamArn,
      shardId: 'a',
      leaseCounter: 0,
      checkpoint: 'LATEST',
      parentShardIds: [],
    });
    const p1 = h.start('p1');
    await h.clock.runUntil(() => p1.events.some((e) => e._tag === 'StartFixed'), 10_000);
    expect(await h.lease('a')).toMatchObject({ checkpoint: seq(2) });
    p1.kill();
    stream.shards[0]!.sequenceNumbers.push(3);
    const p2 = h.start('p2');
    await h.clock.runUntil(() => h.seen.length === 1, 30_000);
    await p2.poller.stop();
    expect(h.processed('a')).toEqual(seqs(3));
  });

  it('reopens after ExpiredIterator, a missing NextShardIterator on an open shard, and Invalid ShardId, missing nothing', async () => {
    const stream = new ScriptedStream()
      .shard('a', [1, 2, 3, 4, 5, 6])
      .fail(
        'a',
        'DropNextIterator',
        'ExpiredIteratorException',
        'InvalidShardId',
        'DropNextIterator',
      );
    const h = new PollerHarness(stream.client, stream.streamArn);
    const p = h.start('p1', { batchSize: 2 });
    await h.clock.runUntil(() => h.seen.length >= 6, 60_000);
    await p.poller.stop();
    expect(h.processed('a')).toEqual(seqs(1, 2, 3, 4, 5, 6));
    const reasons = p.events.flatMap((e) => (e._tag === 'IteratorReopened' ? [e.reason] : []));
    expect(reasons).toEqual(expect.arrayContaining(['missingNextIterator', 'expired', 'notFound']));
    expect(await p.result).toEqual(E.right(undefined));
  });

  it('retries a spurious TrimmedDataAccessException (DynamoDB Local, new tables) before calling it data loss', async () => {
    const stream = new ScriptedStream()
      .shard('a', [1, 2])
      .fail('a', 'TrimmedDataAccessException', 'TrimmedDataAccessException');
    const h = new PollerHarness(stream.client, stream.streamArn);
    const p = h.start('p1');
    await h.clock.runUntil(() => h.seen.length === 2, 60_000);
    await p.poller.stop();
    expect(await p.result).toEqual(E.right(undefined));
    expect(p.events.some((e) => e._tag === 'DataLoss')).toBe(false);
  });

  it('reports lasting TrimmedDataAccessException as DataLoss and stops, unless told to skip to TRIM_HORIZON', async () => {
    const trimmed = Array<'TrimmedDataAccessException'>(10).fill('TrimmedDataAccessException');
    const stream = new ScriptedStream().shard('a', [1, 2]).fail('a', ...trimmed);
    const h = new PollerHarness(stream.client, stream.streamArn);
    const p = h.start('p1', { spuriousErrorRetries: 2 });
    await h.clock.runUntil(() => p.events.some((e) => e._tag === 'DataLoss'), 60_000);
    const result = await p.result;
    expect(E.isLeft(result) && result.left._tag).toBe('DataLoss');
    expect(h.seen).toEqual([]);

    const skipping = new ScriptedStream()
      .shard('a', [1, 2])
      .fail('a', 'TrimmedDataAccessException');
    const h2 = new PollerHarness(skipping.client, skipping.streamArn);
    const p2 = h2.start('p1', { spuriousErrorRetries: 0, onTrimmed: 'skipToTrimHorizon' });
    await h2.clock.runUntil(() => h2.seen.length === 2, 60_000);
    await p2.poller.stop();
    expect(p2.events).toContainEqual(expect.objectContaining({ _tag: 'DataLoss', skipped: true }));
    expect(await p2.result).toEqual(E.right(undefined));
  });

  it('a leased shard trimmed away whole is data loss; when skipping, it counts as ended and its children go on', async () => {
    const gone = {
      streamArn: new ScriptedStream().streamArn,
      shardId: 'gone',
      leaseCounter: 0,
      checkpoint: seq(5) as never,
      parentShardIds: [],
    };
    const failing = new ScriptedStream().shard('b', [8, 9], { parent: 'gone' });
    const h = new PollerHarness(failing.client, failing.streamArn);
    await h.leases.create(gone);
    const p = h.start('p1', { spuriousErrorRetries: 1 });
    await h.clock.runUntil(() => p.events.some((e) => e._tag === 'DataLoss'), 60_000);
    const result = await p.result;
    expect(E.isLeft(result) && result.left).toMatchObject({ _tag: 'DataLoss', shardId: 'gone' });
    expect(h.seen).toEqual([]);

    const skipping = new ScriptedStream().shard('b', [8, 9], { parent: 'gone' });
    const h2 = new PollerHarness(skipping.client, skipping.streamArn);
    await h2.leases.create(gone);
    const p2 = h2.start('p1', { spuriousErrorRetries: 1, onTrimmed: 'skipToTrimHorizon' });
    await h2.clock.runUntil(() => h2.seen.length === 2, 60_000);
    await p2.poller.stop();
    expect(h2.processed('b')).toEqual(seqs(8, 9));
    expect(p2.events).toContainEqual({ _tag: 'ShardEnded', shardId: 'gone' });
    // Finished and no longer listed: the next shard sync cleaned its lease up.
    expect(await h2.lease('gone')).toBeUndefined();
    expect(p2.events).toContainEqual(expect.objectContaining({ _tag: 'DataLoss', skipped: true }));
  });

  it('retries a failed batch from its first unprocessed record, never moving past it', async () => {
    const stream = new ScriptedStream().shard('a', [1, 2, 3, 4]);
    const h = new PollerHarness(stream.client, stream.streamArn);
    let failures = 2;
    const p = h.start('p1', {
      processor: h.processor('p1', async (records) =>
        failures-- > 0 ? Math.min(1, records.length) : undefined,
      ),
    });
    await h.clock.runUntil(() => h.seen.length === 4, 60_000);
    await p.poller.stop();
    expect(h.processed('a')).toEqual(seqs(1, 2, 3, 4));
    expect(p.events.filter((e) => e._tag === 'BatchFailed')).toHaveLength(2);
  });

  it('on stop finishes the batch in hand, checkpoints it and releases the lease', async () => {
    const stream = new ScriptedStream().shard('a', [1, 2, 3]);
    const h = new PollerHarness(stream.client, stream.streamArn);
    let inHand: () => void = () => {};
    let started = false;
    const p = h.start('p1', {
      processor: h.processor('p1', async () => {
        started = true;
        await new Promise<void>((resolve) => {
          inHand = resolve;
        });
        return undefined;
      }),
    });
    await h.clock.runUntil(() => started, 10_000);
    const stopped = p.poller.stop();
    inHand();
    await stopped;
    expect(h.processed('a')).toEqual(seqs(1, 2, 3));
    expect(await h.lease('a')).toMatchObject({ checkpoint: seq(3) });
    expect((await h.lease('a'))?.owner).toBeUndefined();
    expect(p.events.map((e) => e._tag)).toContain('LeaseReleased');
  });

  it('a poller whose lease was taken over cannot checkpoint and stops reading the shard', async () => {
    const stream = new ScriptedStream().shard('a', [1, 2, 3]);
    const h = new PollerHarness(stream.client, stream.streamArn);
    let release: () => void = () => {};
    let started = false;
    const p = h.start('p1', {
      processor: h.processor('p1', async () => {
        started = true;
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return undefined;
      }),
    });
    await h.clock.runUntil(() => started, 10_000);
    const held = (await h.lease('a'))!;
    const stolen = await h.leases.write(held, { owner: 'intruder' });
    expect(E.isRight(stolen) && stolen.right._tag).toBe('Written');
    release();
    await h.clock.runUntil(() => p.events.some((e) => e._tag === 'LeaseLost'), 10_000);
    expect(await h.lease('a')).toMatchObject({ owner: 'intruder', checkpoint: 'TRIM_HORIZON' });
    await p.poller.stop();
  });
});
