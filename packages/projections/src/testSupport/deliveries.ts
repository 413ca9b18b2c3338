import type { ChangeEvent } from '@sluice/core';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import type { IncomingRecord } from '../batch/incomingRecord.js';
import { type BatchSettings, processRecords } from '../batch/processRecords.js';
import type { FaultKind } from '../memory/injectedFault.js';

/** What goes wrong with one delivery, Lambda-style. */
export type Fault = 'none' | 'duplicate' | 'lostResponse' | 'crash' | 'fail';

/** A stale consumer (a poller that lost its lease) replaying old records, even after everything else. */
export interface Zombie {
  readonly shard: number;
  readonly start: number;
  readonly size: number;
}

/** Random stale replays. */
export const zombies = (maxLength = 3, maxSize = 12): fc.Arbitrary<Zombie[]> =>
  fc.array(
    fc.record({ shard: fc.nat(7), start: fc.nat(60), size: fc.integer({ min: 1, max: maxSize }) }),
    { maxLength, size: 'max' },
  );

/** One delivery: which shard, how many records, and what goes wrong. */
export interface Step {
  readonly shard: number;
  readonly size: number;
  readonly fault: Fault;
  /** For `crash`/`fail`: after how many writes; for `duplicate`: how far back the batch starts. */
  readonly k: number;
}

/** Random delivery steps: interleaved shards, regrouped batch sizes, duplicates, lost responses, crashes. */
export const steps = (maxLength = 40, maxSize = 12): fc.Arbitrary<Step[]> =>
  fc.array(
    fc.record({
      shard: fc.nat(7),
      size: fc.integer({ min: 1, max: maxSize }),
      fault: fc.constantFrom<Fault>('none', 'none', 'duplicate', 'lostResponse', 'crash', 'fail'),
      k: fc.nat(8),
    }),
    { maxLength, size: 'max' },
  );

/** Something that consumes batches: returns the index to retry from, or undefined when all is done. */
export interface Consumer {
  consume(batch: readonly ChangeEvent<unknown>[]): Promise<number | undefined>;
  /** Arms a one-shot fault for the next batch; `undefined` disarms. */
  arm(fault: { kind: FaultKind; after: number } | undefined): void;
  /** Whether an error thrown by `consume` is the injected crash. */
  isCrash(error: unknown): boolean;
}

/**
 * Delivers every shard's events to a consumer as Lambda's event source mapping would under the
 * given faults, retrying from the reported record, then drains what is left cleanly; last, stale
 * consumers replay old slices (nothing delivers after them).
 */
export const deliver = async (
  shards: readonly (readonly ChangeEvent<unknown>[])[],
  plan: readonly Step[],
  consumer: Consumer,
  stale: readonly Zombie[] = [],
): Promise<void> => {
  const cursors = shards.map(() => 0);
  const active = () => shards.map((_, i) => i).filter((i) => cursors[i]! < shards[i]!.length);
  const run = async (shard: number, start: number, size: number, fault: Fault, k: number) => {
    const batch = shards[shard]!.slice(start, start + size);
    consumer.arm(fault === 'crash' || fault === 'fail' ? { kind: fault, after: k } : undefined);
    try {
      const failedIndex = await consumer.consume(batch);
      if (fault !== 'lostResponse') cursors[shard] = start + (failedIndex ?? batch.length);
    } catch (error) {
      if (!consumer.isCrash(error)) throw error;
    } finally {
      consumer.arm(undefined);
    }
  };
  for (const step of plan) {
    const open = active();
    if (open.length === 0) break;
    const shard = open[step.shard % open.length]!;
    const cursor = cursors[shard]!;
    const start = step.fault === 'duplicate' ? Math.max(0, cursor - step.k) : cursor;
    await run(shard, start, step.size, step.fault, step.k);
  }
  for (let open = active(); open.length > 0; open = active())
    for (const shard of open) await run(shard, cursors[shard]!, 10, 'none', 0);
  for (const zombie of stale) {
    const events = shards[zombie.shard % shards.length]!;
    if (events.length > 0)
      await consumer.consume(events.slice(zombie.start % events.length).slice(0, zombie.size));
  }
};

/** Wraps decoded events as a runner would hand them to `processRecords`. */
export const incoming = (events: readonly ChangeEvent<unknown>[]): IncomingRecord[] =>
  events.map((event) => ({ record: event, event: E.right(event) }));

/** A consumer running `processRecords` on an in-memory store that can crash or fail on demand. */
export const projectionConsumer = (
  settings: BatchSettings & {
    readonly store: { failAfter(writes: number, kind: FaultKind): void; clearFault(): void };
  },
  isCrash: (error: unknown) => boolean,
): Consumer => ({
  async consume(batch) {
    const result = await processRecords(settings, incoming(batch));
    return result._tag === 'BatchFailed' ? result.failedIndex : undefined;
  },
  arm(fault) {
    if (fault) settings.store.failAfter(fault.after, fault.kind);
    else settings.store.clearFault();
  },
  isCrash,
});
