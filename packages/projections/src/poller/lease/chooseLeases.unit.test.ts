import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseLeases, type LeaseView } from './chooseLeases.js';
import type { Lease } from './lease.js';

const lease = (shardId: string, owner?: string, extra: Partial<Lease> = {}): Lease => ({
  streamArn: 'arn:stream',
  shardId,
  leaseCounter: 1,
  checkpoint: 'TRIM_HORIZON',
  parentShardIds: [],
  ...(owner === undefined ? {} : { owner }),
  ...extra,
});

const view = (l: Lease, expired = false, ready = true): LeaseView => ({ lease: l, expired, ready });
const noHeld = new Set<string>();
const first = () => 0;

describe('chooseLeases', () => {
  it('takes free and expired leases up to its share, never a live owner’s or an unready one', () => {
    const views = [
      view(lease('a')),
      view(lease('b', 'other'), true),
      view(lease('c', 'other')),
      view(lease('d'), false, false),
    ];
    const choice = chooseLeases({ me: 'me', views, held: noHeld, maxLeases: 10, random: first });
    expect(choice.take.map((l) => l.shardId).sort()).toEqual(['a', 'b']);
    expect(choice.requestHandoff).toBeUndefined();
  });

  it('resumes leases the table already names it owner of (handed over, or held before a restart)', () => {
    const views = [view(lease('a', 'me')), view(lease('b', 'other')), view(lease('c', 'other'))];
    const choice = chooseLeases({ me: 'me', views, held: noHeld, maxLeases: 10, random: first });
    expect(choice.take.map((l) => l.shardId)).toEqual(['a']);
  });

  it('asks the busiest poller for one lease when none is free, and only one at a time', () => {
    const views = ['a', 'b', 'c', 'd'].map((id) => view(lease(id, 'busy')));
    const choice = chooseLeases({ me: 'me', views, held: noHeld, maxLeases: 10, random: first });
    expect(choice.take).toEqual([]);
    expect(choice.requestHandoff?.owner).toBe('busy');
    const pending = views.map((v, i) => (i === 0 ? view({ ...v.lease, handoffTo: 'me' }) : v));
    const again = chooseLeases({
      me: 'me',
      views: pending,
      held: noHeld,
      maxLeases: 10,
      random: first,
    });
    expect(again.requestHandoff).toBeUndefined();
  });

  it('never takes more than maxLeases', () => {
    const views = ['a', 'b', 'c'].map((id) => view(lease(id)));
    const choice = chooseLeases({ me: 'me', views, held: noHeld, maxLeases: 2, random: first });
    expect(choice.take).toHaveLength(2);
  });

  it('a poller never takes a lease a live poller holds, nor one whose parents are unfinished', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            owner: fc.constantFrom(undefined, 'me', 'p1', 'p2'),
            expired: fc.boolean(),
            ready: fc.boolean(),
          }),
          { maxLength: 12 },
        ),
        fc.integer({ min: 1, max: 12 }),
        (specs, maxLeases) => {
          const views = specs.map((s, i) => view(lease(`s${i}`, s.owner), s.expired, s.ready));
          const choice = chooseLeases({
            me: 'me',
            views,
            held: noHeld,
            maxLeases,
            random: Math.random,
          });
          for (const taken of choice.take) {
            const seen = views.find((v) => v.lease.shardId === taken.shardId)!;
            expect(seen.ready).toBe(true);
            expect(
              seen.lease.owner === undefined || seen.lease.owner === 'me' || seen.expired,
            ).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rounds of choices by live pollers, handoffs honoured, leave every ready lease owned and loads within one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 16 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
        (pollers, shards, seeds) => {
          const names = Array.from({ length: pollers }, (_, i) => `p${i}`);
          let leases = Array.from({ length: shards }, (_, i) => lease(`s${i}`));
          let turn = 0;
          for (let round = 0; round < 4 * shards + 4; round++) {
            for (const me of names) {
              const seed = seeds[turn++ % seeds.length]!;
              const held = new Set(leases.filter((l) => l.owner === me).map((l) => l.shardId));
              const choice = chooseLeases({
                me,
                views: leases.map((l) => view(l)),
                held,
                maxLeases: Number.POSITIVE_INFINITY,
                random: () => (seed % 97) / 97,
              });
              const taken = new Set(choice.take.map((l) => l.shardId));
              const asked = choice.requestHandoff?.shardId;
              leases = leases.map((l) =>
                taken.has(l.shardId)
                  ? lease(l.shardId, me)
                  : l.shardId === asked && l.handoffTo === undefined
                    ? { ...l, handoffTo: me }
                    : l,
              );
            }
            // Owners honour handoff requests at their next batch boundary.
            leases = leases.map((l) => (l.handoffTo ? lease(l.shardId, l.handoffTo) : l));
          }
          expect(leases.every((l) => l.owner !== undefined)).toBe(true);
          const loads = names.map((n) => leases.filter((l) => l.owner === n).length);
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
