import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemKeyOf } from './itemKey.js';

// Mostly the key types DynamoDB allows, sometimes other shapes, which take another encoding.
const keyValue = fc.oneof(
  { arbitrary: fc.string().map((S) => ({ S })), weight: 3 },
  { arbitrary: fc.integer().map((n) => ({ N: String(n) })), weight: 3 },
  { arbitrary: fc.uint8Array({ maxLength: 8 }).map((B) => ({ B })), weight: 3 },
  { arbitrary: fc.boolean().map((BOOL) => ({ BOOL })), weight: 1 },
  {
    arbitrary: fc.array(fc.string(), { minLength: 1, maxLength: 2 }).map((SS) => ({ SS })),
    weight: 1,
  },
  { arbitrary: fc.string().map((S) => ({ N: '1', S })), weight: 1 },
);
const keys = fc.dictionary(fc.string(), keyValue, {
  minKeys: 1,
  maxKeys: 3,
  noNullPrototype: true,
});

const shuffled = <T>(entries: T[], seed: number): T[] =>
  entries
    .map((entry, i) => ({ entry, order: (i * 7919 + seed) % (entries.length + 1) }))
    .sort((a, b) => a.order - b.order)
    .map(({ entry }) => entry);

describe('itemKeyOf', () => {
  it('is the same for any order of the key attributes', () => {
    fc.assert(
      fc.property(keys, fc.nat(), (k, seed) => {
        const reordered = Object.fromEntries(shuffled(Object.entries(k), seed));
        expect(itemKeyOf(reordered)).toBe(itemKeyOf(k));
      }),
    );
  });

  it('is equal for two keys exactly when they name the same attributes with the same typed values', () => {
    fc.assert(
      fc.property(keys, keys, (a, b) => {
        expect(itemKeyOf(a) === itemKeyOf(b)).toBe(
          JSON.stringify(normalise(a)) === JSON.stringify(normalise(b)),
        );
      }),
    );
    expect(itemKeyOf({ id: { S: '1' } })).not.toBe(itemKeyOf({ id: { N: '1' } }));
    expect(itemKeyOf({ a: { S: 'x' } })).not.toBe(itemKeyOf({ b: { S: 'x' } }));
  });

  it('gives a binary key the same identity in Lambda JSON (base64) and in SDK records (bytes)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 32 }), fc.string(), (bytes, pk) => {
        const sdk = { pk: { S: pk }, sk: { B: bytes } };
        const lambda = { sk: { B: Buffer.from(bytes).toString('base64') }, pk: { S: pk } };
        expect(itemKeyOf(lambda)).toBe(itemKeyOf(sdk));
      }),
    );
  });

  it('never gives two keys the same string, however their names and values line up', () => {
    expect(itemKeyOf({ a: { S: 'b1:cS0:' } })).not.toBe(itemKeyOf({ a: { S: 'b' }, c: { S: '' } }));
    expect(itemKeyOf({ ab: { S: 'c' } })).not.toBe(itemKeyOf({ a: { S: 'bc' } }));
    expect(itemKeyOf({ a: { S: '[' } })).not.toBe(itemKeyOf({ a: { BOOL: true } }));
    // One attribute whose value spells a second one: only the lengths keep these apart.
    expect(itemKeyOf({ a: { S: 'xbSy' } })).not.toBe(itemKeyOf({ a: { S: 'x' }, b: { S: 'y' } }));
  });

  it('keeps keys apart even when names and values are drawn from the characters of the encoding itself', () => {
    // A tiny alphabet makes look-alikes more frequent than random text does; the exact collision
    // an unprefixed encoding allows is pinned by the example in the test above.
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'S', 'N', ':', '1'), maxLength: 4 });
    const tinyKeys = fc.dictionary(
      text,
      fc.oneof(
        text.map((S) => ({ S })),
        text.map((N) => ({ N })),
      ),
      { minKeys: 1, maxKeys: 2, noNullPrototype: true },
    );
    fc.assert(
      fc.property(tinyKeys, tinyKeys, (a, b) => {
        expect(itemKeyOf(a) === itemKeyOf(b)).toBe(
          JSON.stringify(normalise(a)) === JSON.stringify(normalise(b)),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('writes every key the one documented way, `<length>:<name><type><length>:<value>` by sorted name, whichever path builds it', () => {
    const spelled = (k: Record<string, Record<string, unknown>>) =>
      Object.keys(k)
        .sort()
        .map((name) => {
          const [type, value] = Object.entries(k[name] ?? {})[0] as [string, string];
          return `${name.length}:${name}${type}${value.length}:${value}`;
        })
        .join('');
    const textKeys = fc.dictionary(
      fc.string(),
      fc.oneof(
        fc.string().map((S) => ({ S })),
        fc.integer().map((n) => ({ N: String(n) })),
      ),
      { minKeys: 1, maxKeys: 3, noNullPrototype: true },
    );
    // Two tables in turn, so the remembered heads of one never leak into the other's keys.
    fc.assert(
      fc.property(textKeys, textKeys, (a, b) => {
        expect(itemKeyOf(a)).toBe(spelled(a));
        expect(itemKeyOf(b)).toBe(spelled(b));
        expect(itemKeyOf(a)).toBe(spelled(a));
      }),
      { numRuns: 500 },
    );
  });

  it('ignores type keys set to undefined, as SDK objects may carry them', () => {
    expect(itemKeyOf({ id: { S: 'a', N: undefined } })).toBe(itemKeyOf({ id: { S: 'a' } }));
  });
});

// Sorted names and base64 bytes: what two keys must agree on to be the same item.
const normalise = (k: Record<string, Record<string, unknown>>) =>
  Object.keys(k)
    .sort()
    .map((name) => {
      const v = k[name] ?? {};
      return [name, v.B instanceof Uint8Array ? { B: Buffer.from(v.B).toString('base64') } : v];
    });
