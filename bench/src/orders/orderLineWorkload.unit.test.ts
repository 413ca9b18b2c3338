import { describe, expect, it } from 'vitest';
import { OrderLineWorkload } from './orderLineWorkload.js';

const contentOf = (workload: OrderLineWorkload, changes: number) =>
  workload.run(changes).map((r) => [r.eventName, r.dynamodb.Keys, r.dynamodb.NewImage]);

describe('OrderLineWorkload', () => {
  it('emits one record per change, every kind, and the same traffic for the same seed', () => {
    const a = new OrderLineWorkload({ seed: 3, liveLines: 100 });
    const b = new OrderLineWorkload({ seed: 3, liveLines: 100 });
    expect(contentOf(a, 1000)).toEqual(contentOf(b, 1000));
    expect(a.counts.INSERT + a.counts.MODIFY + a.counts.REMOVE).toBe(1000);
    expect(Math.min(a.counts.MODIFY, a.counts.REMOVE)).toBeGreaterThan(100);
    expect(a.table.stream.records()).toHaveLength(1000);
  });

  it('hovers around the live-line target and keeps keys within the order space', () => {
    const workload = new OrderLineWorkload({ seed: 5, liveLines: 200, orderSpace: 100 });
    workload.run(5000);
    expect(workload.table.itemCount).toBeGreaterThan(100);
    expect(workload.table.itemCount).toBeLessThanOrEqual(260);
    const orders = new Set(workload.table.scanAll().map((item) => item.orderId));
    expect(orders.size).toBeLessThanOrEqual(100);
  });

  it('advances the clock by msPerChange per change', () => {
    const workload = new OrderLineWorkload({ msPerChange: 1000 });
    const start = workload.clock.now();
    workload.run(10);
    expect(workload.clock.now() - start).toBe(10_000);
  });
});
