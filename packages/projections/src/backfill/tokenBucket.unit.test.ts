import type { Clock } from '@sluice/core';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import { inMemoryScanSource } from './inMemoryScanSource.js';
import { resolveRate } from './rateLimit.js';
import { scanSnapshots } from './scanSnapshots.js';
import type { SourceDescription } from './scanSource.js';
import { taskProjections, taskTable } from './testSupport/backfillTasks.js';
import { TokenBucket } from './tokenBucket.js';

/** A clock whose sleeps pass at once, moving time forward (one sleeper at a time). */
const virtualClock = () => {
  let ms = 0;
  const clock: Clock = {
    now: () => ms,
    sleep: async (wait) => {
      ms += wait;
    },
  };
  return { clock, elapsed: () => ms };
};

describe('TokenBucket', () => {
  it('over any run, what was spent never exceeds the rate times the elapsed time, plus the burst and one page', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 500 }),
        fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { maxLength: 60 }),
        async (perSecond, pages) => {
          const { clock, elapsed } = virtualClock();
          const bucket = new TokenBucket(perSecond, clock);
          let spent = 0;
          for (const cost of pages) {
            await bucket.ready();
            expect(spent).toBeLessThanOrEqual((perSecond * elapsed()) / 1000 + perSecond + 1e-6);
            bucket.spend(cost);
            spent += cost;
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('rate limits', () => {
  const source: SourceDescription = {
    tableName: 'tasks',
    keyAttributes: ['id'],
    approximateItemCount: 0,
    readCapacityUnits: 100,
    streamArn: undefined,
    streamViewType: undefined,
  };

  it('turns a share of provisioned capacity into read units per second', () => {
    expect(resolveRate({ shareOfCapacity: 0.25 }, source)).toEqual(
      E.right({ unit: 'readUnits', perSecond: 25 }),
    );
  });

  it('refuses a share of an on-demand table, asking for read units instead', () => {
    const refused = resolveRate(
      { shareOfCapacity: 0.5 },
      { ...source, readCapacityUnits: undefined },
    );
    expect(refused).toMatchObject({ _tag: 'Left', left: { _tag: 'InvalidRateLimit' } });
    if (E.isLeft(refused)) expect(refused.left.message).toMatch(/on-demand.*read units/);
    expect(resolveRate({ shareOfCapacity: 1.5 }, source)._tag).toBe('Left');
    expect(resolveRate({ itemsPerSecond: 0 }, source)._tag).toBe('Left');
  });

  it('paces a scan: 40 items at 10 items per second take about three seconds after the first second’s burst', async () => {
    const table = taskTable(1);
    for (let i = 0; i < 40; i++) table.put({ id: `t${i}`, list: 'l0', points: 1, title: 't' });
    const { clock, elapsed } = virtualClock();
    const limited: number[] = [];
    const scanned = await scanSnapshots({
      source: inMemoryScanSource(table),
      projections: taskProjections().targets,
      store: new InMemoryProjectionStore(),
      deadLetters: new InMemoryDeadLetters(),
      segments: 1,
      pageSize: 5,
      rate: { itemsPerSecond: 10 },
      clock,
      onEvent: (event) => {
        if (event._tag === 'RateLimited') limited.push(event.waitedMs);
      },
    });
    expect(E.isRight(scanned) && scanned.right.scanned).toBe(40);
    expect(elapsed()).toBeGreaterThanOrEqual(2_000);
    expect(elapsed()).toBeLessThanOrEqual(3_500);
    expect(limited.length).toBeGreaterThan(0);
  });
});
