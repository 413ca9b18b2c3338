import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  compareSequenceNumbers,
  parseSequenceNumber,
  type SequenceNumber,
  SequenceNumberCodec,
  sortableSequenceNumber,
} from './sequenceNumber.js';

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

/** Any valid sequence number: 21 to 40 digits, leading zeros allowed (DynamoDB Local writes them). */
const sequenceNumber = digits(21, 40) as fc.Arbitrary<SequenceNumber>;

const sign = (n: number) => Math.sign(n);

describe('parseSequenceNumber', () => {
  it('accepts 21 to 40 digits', () => {
    expect(parseSequenceNumber('1'.repeat(21))).toEqual(E.right('1'.repeat(21)));
    expect(parseSequenceNumber('000000000000000000013')).toEqual(E.right('000000000000000000013'));
    expect(parseSequenceNumber('9'.repeat(40))).toEqual(E.right('9'.repeat(40)));
  });

  it.each([
    ['20 digits', '1'.repeat(20)],
    ['41 digits', '1'.repeat(41)],
    ['a sign', `-${'1'.repeat(21)}`],
    ['a letter', `${'1'.repeat(20)}a`],
    ['a number', 1e21],
    ['nothing', undefined],
  ])('rejects %s with a message naming the value', (_case, value) => {
    const result = parseSequenceNumber(value);
    expect(E.isLeft(result) && result.left).toEqual({
      _tag: 'InvalidSequenceNumber',
      value,
      message: `expected a sequence number of 21 to 40 digits, got ${JSON.stringify(value)}`,
    });
  });

  it('agrees with SequenceNumberCodec on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), digits(0, 45)), (s) => {
        expect(E.isRight(parseSequenceNumber(s))).toBe(E.isRight(SequenceNumberCodec.decode(s)));
        expect(SequenceNumberCodec.is(s)).toBe(E.isRight(SequenceNumberCodec.decode(s)));
      }),
    );
  });
});

describe('compareSequenceNumbers', () => {
  it('compares as integers, not as strings of different lengths', () => {
    const short = `9${'0'.repeat(20)}` as SequenceNumber;
    const long = `1${'0'.repeat(21)}` as SequenceNumber;
    expect(short > long).toBe(true);
    expect(compareSequenceNumbers(short, long)).toBeLessThan(0);
    expect(
      compareSequenceNumbers(
        '000000000000000000013' as SequenceNumber,
        '0000000000000000000013' as SequenceNumber,
      ),
    ).toBe(0);
  });

  it('orders any two sequence numbers as BigInt does', () => {
    fc.assert(
      fc.property(sequenceNumber, sequenceNumber, (a, b) => {
        const expected = BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0;
        expect(sign(compareSequenceNumbers(a, b))).toBe(expected);
        expect(sign(compareSequenceNumbers(b, a))).toBe(-expected);
      }),
      { numRuns: 300 },
    );
  });

  it('sorts a list of sequence numbers into numeric order', () => {
    fc.assert(
      fc.property(fc.array(sequenceNumber, { maxLength: 20 }), (list) => {
        const sorted = [...list].sort(compareSequenceNumbers).map(BigInt);
        expect(sorted).toEqual([...list].map(BigInt).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
      }),
    );
  });
});

describe('sortableSequenceNumber', () => {
  it('is 40 digits wide', () => {
    expect(sortableSequenceNumber('1'.repeat(21) as SequenceNumber)).toBe(
      `${'0'.repeat(19)}${'1'.repeat(21)}`,
    );
  });

  it('preserves numeric order as plain string order, for any two sequence numbers', () => {
    fc.assert(
      fc.property(sequenceNumber, sequenceNumber, (a, b) => {
        const x = sortableSequenceNumber(a);
        const y = sortableSequenceNumber(b);
        expect(x).toHaveLength(40);
        expect(sign(x < y ? -1 : x > y ? 1 : 0)).toBe(sign(compareSequenceNumbers(a, b)));
      }),
      { numRuns: 300 },
    );
  });
});
