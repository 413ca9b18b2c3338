import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

/** A DynamoDB Streams sequence number: a numeric string of 21 to 40 digits, validated. */
export type SequenceNumber = string & { readonly SequenceNumber: unique symbol };

/** Why a string is not a sequence number. */
export interface InvalidSequenceNumber {
  readonly _tag: 'InvalidSequenceNumber';
  readonly value: unknown;
  readonly message: string;
}

const DIGITS = /^[0-9]{21,40}$/;

/** Validates a sequence number (21 to 40 decimal digits). */
export const parseSequenceNumber = (
  value: unknown,
): E.Either<InvalidSequenceNumber, SequenceNumber> =>
  typeof value === 'string' && DIGITS.test(value)
    ? E.right(value as SequenceNumber)
    : E.left({
        _tag: 'InvalidSequenceNumber',
        value,
        message: `expected a sequence number of 21 to 40 digits, got ${JSON.stringify(value)}`,
      });

const stripZeros = (s: string): string => {
  let i = 0;
  while (i < s.length - 1 && s.charCodeAt(i) === 48) i++;
  return i === 0 ? s : s.slice(i);
};

/** Compares two sequence numbers as integers: negative, zero or positive like `Array.sort` expects. */
export const compareSequenceNumbers = (a: SequenceNumber, b: SequenceNumber): number => {
  const x = stripZeros(a);
  const y = stripZeros(b);
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Fixed-width (40 digits, zero-padded) form whose string order is the numeric order: for sort keys. */
export const sortableSequenceNumber = (s: SequenceNumber): string => s.padStart(40, '0');

/** io-ts codec for a sequence number string. */
export const SequenceNumberCodec = new t.Type<SequenceNumber, string, unknown>(
  'SequenceNumber',
  (u): u is SequenceNumber => typeof u === 'string' && DIGITS.test(u),
  (u, c) =>
    typeof u === 'string' && DIGITS.test(u) ? t.success(u as SequenceNumber) : t.failure(u, c),
  (s) => s,
);
