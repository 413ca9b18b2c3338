import { ManualClock } from '@sluice/core';
import { InMemoryStreamsClient, InMemoryTable } from '@sluice/offline';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PollerEvent } from './pollerEvents.js';
import { streamPoller } from './streamPoller.js';
import { mortal, PollerHarness } from './testSupport/pollerHarness.js';

const START = Date.UTC(2024, 0, 1);

/** One run of a LATEST poller, stopped (SIGTERM) or killed (SIGKILL) at its `stopAt`-th call. */
interface Scenario {
  /** Writes before the first start: LATEST promises never to process them. */
  readonly before: number;
  /** Writes set off by the first poller's n-th call (Streams or lease table). */
  readonly during: ReadonlyArray<{ readonly at: number; readonly writes: number }>;
  readonly stopAt: number;
  readonly stop: 'SIGTERM' | 'SIGKILL';
  /** Writes while no poller runs, then after the restart. */
  readonly gap: number;
  readonly after: number;
}

const scenarios: fc.Arbitrary<Scenario> = fc.record({
  before: fc.nat(6),
  during: fc.array(fc.record({ at: fc.nat(40), writes: fc.integer({ min: 1, max: 3 }) }), {
    maxLength: 4,
  }),
  stopAt: fc.nat(40),
  stop: fc.constantFrom<Scenario['stop']>('SIGTERM', 'SIGKILL'),
  gap: fc.nat(6),
  after: fc.nat(3),
});

/** Where each record is, and whether its shard had a lease (a fixed start) when it was written. */
interface Written {
  readonly eventID: string;
  readonly leased: ReadonlySet<string>;
  readonly phase: 'before' | 'later';
}

const runScenario = async (scenario: Scenario) => {
  const clock = new ManualClock(START);
  const table = new InMemoryTable({
    tableName: 'tasks',
    partitionKey: { name: 'id', type: 'S' },
    streamViewType: 'NEW_AND_OLD_IMAGES',
    stream: { partitionCount: 2 },
    clock,
  });
  const streams = new InMemoryStreamsClient([table.stream]);
  const harness = new PollerHarness(streams, table.stream.streamArn, clock);
  const written: Written[] = [];
  let writes = 0;
  const write = (count: number, phase: Written['phase']) => {
    const leased = new Set(harness.leases.all().map((lease) => lease.shardId));
    const from = table.stream.records().length;
    for (let i = 0; i < count; i++, writes++)
      table.put({ id: `t${(writes * 7) % 12}`, list: 'l', points: writes, title: `v${writes}` });
    for (const record of table.stream.records().slice(from))
      written.push({ eventID: record.eventID, leased, phase });
  };

  /** A poller whose every call first runs `onCall(n)`; once killed, every call hangs forever. */
  const start = (worker: string, onCall: (n: number) => void = () => {}) => {
    let calls = 0;
    let dead = false;
    const counted = <T extends object>(target: T): T =>
      new Proxy(target, {
        get(object, key, receiver) {
          const value = Reflect.get(object, key, receiver);
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            if (!dead) onCall(calls++);
            return value.apply(object, args);
          };
        },
      });
    const events: PollerEvent[] = [];
    const poller = streamPoller({
      streams: mortal(counted(streams), () => dead),
      streamArn: table.stream.streamArn,
      leaseTable: mortal(counted(harness.leases), () => dead),
      processor: harness.processor(worker),
      workerId: worker,
      startingPosition: 'LATEST',
      leaseDurationMs: 3_000,
      idleDelayMs: 200,
      clock,
      random: () => 0.5,
      onEvent: (event) => events.push(event),
    });
    const result = poller.run();
    return { poller, events, result, kill: () => (dead = true) };
  };

  write(scenario.before, 'before');
  let stopped = false;
  const first = start('p1', (n) => {
    for (const during of scenario.during) if (during.at === n) write(during.writes, 'later');
    if (n !== scenario.stopAt || stopped) return;
    stopped = true;
    if (scenario.stop === 'SIGKILL') first.kill();
    else void first.poller.stop();
  });
  await clock.runUntil(() => stopped, 60_000);
  if (scenario.stop === 'SIGTERM') {
    let exited = false;
    void first.result.then(() => (exited = true));
    await clock.runUntil(() => exited, 60_000);
  }
  write(scenario.gap, 'later');
  const second = start('p2');
  write(scenario.after, 'later');

  // Which shard holds each record, read back from the stream itself.
  const shardOf = new Map<string, string>();
  const seqOf = new Map<string, string>();
  for (const ShardId of table.stream.openShardIds()) {
    const { ShardIterator } = table.stream.getShardIterator({
      StreamArn: table.stream.streamArn,
      ShardId,
      ShardIteratorType: 'TRIM_HORIZON',
    });
    for (const record of table.stream.getRecords({ ShardIterator, Limit: 1000 }).Records) {
      shardOf.set(record.eventID, ShardId);
      seqOf.set(record.eventID, record.dynamodb.SequenceNumber);
    }
  }
  const processed = () => new Set(harness.seen.map((s) => `${s.shardId}/${s.sequenceNumber}`));
  const key = (w: Written) => `${shardOf.get(w.eventID)}/${seqOf.get(w.eventID)}`;
  // Written once its shard's start was stored: must be processed, whatever stopped the poller.
  const owed = written.filter((w) => w.leased.has(shardOf.get(w.eventID)!)).map(key);
  await clock.runUntil(() => owed.every((k) => processed().has(k)), 120_000);
  await clock.runFor(2_000);
  let ended = false;
  void second.poller.stop().then(() => (ended = true));
  await clock.runUntil(() => ended, 60_000);

  const fixed = new Set(
    [...first.events, ...second.events].flatMap((e) =>
      e._tag === 'StartFixed' ? [e.shardId] : [],
    ),
  );
  // Older than a start fixed at LATEST: never processed.
  const older = written
    .filter((w) => w.phase === 'before' && fixed.has(shardOf.get(w.eventID)!))
    .map(key);
  return { processed: processed(), owed, older, leases: harness.leases.all() };
};

describe('a poller started at LATEST and stopped before its first checkpoint', () => {
  it('stopped (SIGTERM) or killed (SIGKILL) at any call and restarted, processes every record written after its start was stored, and none written before it', async () => {
    await fc.assert(
      fc.asyncProperty(scenarios, async (scenario) => {
        const outcome = await runScenario(scenario);
        expect(outcome.owed.filter((k) => !outcome.processed.has(k))).toEqual([]);
        expect(outcome.older.filter((k) => outcome.processed.has(k))).toEqual([]);
        expect(outcome.leases.map((l) => l.checkpoint)).not.toContain('LATEST');
      }),
      { numRuns: 100 },
    );
  });
});
