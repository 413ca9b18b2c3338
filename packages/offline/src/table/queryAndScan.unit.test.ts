import { describe, expect, it } from 'vitest';
import type { KeyAttributeType } from '../item/keySchema.js';
import { InMemoryTable } from './inMemoryTable.js';

const tableWithSortKey = (type: KeyAttributeType) =>
  new InMemoryTable({
    tableName: 'things',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type },
  });

describe('query', () => {
  it('orders numeric sort keys by value', () => {
    const table = tableWithSortKey('N');
    for (const sk of ['10', '-5', '2', '1.5', '-0.5', '100'])
      table.putItem({ pk: { S: 'p' }, sk: { N: sk } });
    table.putItem({ pk: { S: 'other' }, sk: { N: '0' } });
    const page = table.queryItems({ partitionKey: { S: 'p' } });
    expect(page.items.map((i) => i.sk?.N)).toEqual(['-5', '-0.5', '1.5', '2', '10', '100']);
    expect(page.lastEvaluatedKey).toBeUndefined();
  });

  it('orders string sort keys by UTF-8 bytes and binary ones by unsigned bytes (DynamoDB Local agrees)', () => {
    const strings = tableWithSortKey('S');
    for (const sk of ['z', 'é', '\uffff', '😀', 'Z', 'a', 'a\u0000'])
      strings.putItem({ pk: { S: 'p' }, sk: { S: sk } });
    expect(strings.queryItems({ partitionKey: { S: 'p' } }).items.map((i) => i.sk?.S)).toEqual([
      'Z',
      'a',
      'a\u0000',
      'z',
      'é',
      '\uffff',
      '😀',
    ]);
    const binary = tableWithSortKey('B');
    for (const sk of [[0x80], [1], [0xff, 0], [1, 0], [0x7f]])
      binary.putItem({ pk: { S: 'p' }, sk: { B: new Uint8Array(sk) } });
    expect(
      binary.queryItems({ partitionKey: { S: 'p' } }).items.map((i) => [...(i.sk?.B ?? [])]),
    ).toEqual([[1], [1, 0], [0x7f], [0x80], [0xff, 0]]);
  });

  it('narrows by sort key condition and reads backwards', () => {
    const table = tableWithSortKey('S');
    for (const sk of ['a#1', 'a#2', 'b#1', 'b#2', 'c']) table.put({ pk: 'p', sk });
    const sks = (input: Parameters<typeof table.query>[0]) =>
      table.query(input).items.map((i) => i.sk);
    expect(sks({ partitionKey: 'p', sortKey: { type: 'beginsWith', prefix: 'b#' } })).toEqual([
      'b#1',
      'b#2',
    ]);
    expect(
      sks({ partitionKey: 'p', sortKey: { type: 'between', low: 'a#2', high: 'b#1' } }),
    ).toEqual(['a#2', 'b#1']);
    expect(sks({ partitionKey: 'p', sortKey: { type: '>', value: 'b#2' } })).toEqual(['c']);
    expect(
      sks({ partitionKey: 'p', sortKey: { type: '<=', value: 'a#2' }, scanIndexForward: false }),
    ).toEqual(['a#2', 'a#1']);
    expect(sks({ partitionKey: 'p', sortKey: { type: '=', value: 'c' } })).toEqual(['c']);
  });

  it('pages with limit and exclusive start key, in both directions', () => {
    const table = tableWithSortKey('N');
    for (let sk = 1; sk <= 5; sk++) table.put({ pk: 'p', sk });
    const first = table.query({ partitionKey: 'p', limit: 2 });
    expect(first.items.map((i) => i.sk)).toEqual([1, 2]);
    expect(first.lastEvaluatedKey).toEqual({ pk: 'p', sk: 2 });
    const second = table.query({
      partitionKey: 'p',
      limit: 3,
      exclusiveStartKey: first.lastEvaluatedKey,
    });
    expect(second.items.map((i) => i.sk)).toEqual([3, 4, 5]);
    // Like DynamoDB, a page that fills its limit reports a key even when nothing follows.
    expect(second.lastEvaluatedKey).toEqual({ pk: 'p', sk: 5 });
    expect(
      table.query({ partitionKey: 'p', exclusiveStartKey: second.lastEvaluatedKey }).items,
    ).toEqual([]);
    const backwards = table.query({
      partitionKey: 'p',
      scanIndexForward: false,
      exclusiveStartKey: { pk: 'p', sk: 4 },
    });
    expect(backwards.items.map((i) => i.sk)).toEqual([3, 2, 1]);
  });

  it('stops a page at 1 MB', () => {
    const table = tableWithSortKey('N');
    for (let sk = 0; sk < 5; sk++) table.put({ pk: 'p', sk, blob: 'x'.repeat(300_000) });
    const page = table.query({ partitionKey: 'p' });
    expect(page.items).toHaveLength(4);
    expect(page.lastEvaluatedKey).toEqual({ pk: 'p', sk: 3 });
  });
});

describe('scan', () => {
  const filled = () => {
    const table = tableWithSortKey('N');
    for (let p = 0; p < 40; p++) for (let sk = 0; sk < 3; sk++) table.put({ pk: `p${p}`, sk });
    return table;
  };

  it('pages through every item exactly once', () => {
    const table = filled();
    const seen: string[] = [];
    let start: Record<string, unknown> | undefined;
    let pages = 0;
    do {
      const page = table.scan({ limit: 7, ...(start ? { exclusiveStartKey: start } : {}) });
      seen.push(...page.items.map((i) => `${i.pk}/${i.sk}`));
      start = page.lastEvaluatedKey;
      pages++;
    } while (start);
    // 120 items in pages of 7: 17 full pages and one of 1.
    expect(pages).toBe(18);
    expect(new Set(seen).size).toBe(120);
    expect(seen).toHaveLength(120);
  });

  it('resumes after a start key whose item was deleted meanwhile', () => {
    const table = filled();
    const first = table.scan({ limit: 10 });
    table.delete(first.lastEvaluatedKey as Record<string, unknown>);
    const rest = table.scan({ exclusiveStartKey: first.lastEvaluatedKey });
    expect(first.items.length + rest.items.length).toBe(120);
  });

  it('splits into disjoint segments that keep each partition together and cover the table', () => {
    const table = filled();
    const segments = [0, 1, 2, 3].map((segment) => {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = table.scan({
          segment,
          totalSegments: 4,
          limit: 5,
          ...(start ? { exclusiveStartKey: start } : {}),
        });
        items.push(...page.items);
        start = page.lastEvaluatedKey;
      } while (start);
      return items;
    });
    const all = segments.flat().map((i) => `${i.pk}/${i.sk}`);
    expect(all).toHaveLength(120);
    expect(new Set(all).size).toBe(120);
    const segmentOf = new Map<unknown, number>();
    segments.forEach((items, s) => {
      for (const item of items) {
        expect(segmentOf.get(item.pk) ?? s).toBe(s);
        segmentOf.set(item.pk, s);
      }
    });
    expect(segments.filter((items) => items.length > 0).length).toBeGreaterThan(1);
  });

  it('rejects segment without totalSegments and out-of-range segments', () => {
    const table = filled();
    expect(() => table.scan({ segment: 0 })).toThrow(/total segment must also be specified/);
    expect(() => table.scan({ segment: 4, totalSegments: 4 })).toThrow(
      /Member must have value less than or equal to 3/,
    );
  });
});
