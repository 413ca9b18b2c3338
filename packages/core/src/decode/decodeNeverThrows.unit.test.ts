import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import type { StreamRecordInput } from '../record/streamRecordInput.js';
import { lambdaRecord, streamsApiRecord } from '../testSupport/streamRecordFixture.js';
import { decodeBatch } from './decodeBatch.js';
import { decodeRecord } from './decodeRecord.js';

const Order = t.type({
  id: t.string,
  quantity: t.number,
  lines: t.array(t.type({ sku: t.string })),
});
const decoders = [
  { item: Order, viewType: 'NEW_AND_OLD_IMAGES' },
  { item: t.unknown },
  {
    item: t.UnknownRecord,
    keys: t.type({ id: t.string }),
    viewType: 'KEYS_ONLY',
    inexactNumbers: 'wrap',
  },
] as const;

const valid = [
  lambdaRecord({ newImage: { id: { S: 'a' }, quantity: { N: '1' }, lines: { L: [] } } }),
  streamsApiRecord({
    eventName: 'REMOVE',
    oldImage: { id: { S: 'a' }, quantity: { N: '1' }, lines: { L: [] } },
  }),
];

/** Replaces one place in a valid record (found by a path of keys) with any value. */
const mutated = fc
  .tuple(
    fc.constantFrom(...valid),
    fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
    fc.anything(),
  )
  .map(([record, steps, value]) => {
    const copy = structuredClone(record) as unknown as Record<string, unknown>;
    let node: Record<string, unknown> = copy;
    for (const step of steps) {
      const keys = Object.keys(node);
      const key = keys[step % Math.max(keys.length, 1)];
      if (key === undefined) break;
      const next = node[key];
      if (typeof next !== 'object' || next === null || next instanceof Date || step % 3 === 0) {
        node[key] = value;
        return copy;
      }
      node = next as Record<string, unknown>;
    }
    return copy;
  });

const decodesWithoutThrowing = (u: unknown) => {
  for (const decoder of decoders) {
    const result = decodeRecord(decoder, u as StreamRecordInput);
    expect(E.isLeft(result) || E.isRight(result)).toBe(true);
    if (E.isLeft(result)) expect(result.left.message).toEqual(expect.any(String));
  }
};

describe('decoding never throws', () => {
  it('on any value at all, failing with MalformedRecord', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withNullPrototype: true,
        }),
        (u) => {
          decodesWithoutThrowing(u);
          expect(decodeRecord(decoders[0], u as StreamRecordInput)).toMatchObject(
            E.left({ _tag: 'MalformedRecord' }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on any JSON value, in a record or a batch', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (u) => {
        decodesWithoutThrowing(u);
        expect(() => decodeBatch(decoders[1], u as never)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('on a valid record with any one place replaced by any value', () => {
    fc.assert(fc.property(mutated, decodesWithoutThrowing), { numRuns: 300 });
  });
});
