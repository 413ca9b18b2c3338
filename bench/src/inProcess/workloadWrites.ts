/** One write of the in-process benchmark's workload, in plain values. */
export type WorkloadWrite =
  | { readonly _tag: 'Put'; readonly item: Record<string, unknown> }
  | { readonly _tag: 'Update'; readonly id: string; readonly at: string }
  | { readonly _tag: 'Delete'; readonly id: string };

const KEYS = 1500;

/**
 * `count` deterministic writes over 1500 keys: half puts (an item with a map, a list and a set),
 * three in ten updates that bump a counter with `if_not_exists` and set a time, two in ten
 * deletes (some of missing items, which write no stream record). The first write is a put.
 */
export const workloadWrites = (count: number): WorkloadWrite[] => {
  const writes: WorkloadWrite[] = [];
  for (let i = 0; i < count; i++) {
    const id = `item-${(i * 7919) % KEYS}`;
    const kind = i % 10;
    const at = new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString();
    if (kind < 5)
      writes.push({
        _tag: 'Put',
        item: {
          id,
          version: i,
          status: kind % 2 === 0 ? 'open' : 'closed',
          owner: { name: `owner ${i % 97}`, city: 'Lyon' },
          lines: [{ sku: `SKU-${i % 13}`, quantity: (i % 5) + 1 }],
          tags: new Set(['a', `t${i % 7}`]),
          at,
        },
      });
    else if (kind < 8) writes.push({ _tag: 'Update', id, at });
    else writes.push({ _tag: 'Delete', id });
  }
  return writes;
};
