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

/** True for a string of 21 to 40 decimal digits (a loop: this runs once per record). */
export const isSequenceNumber = (value: unknown): value is SequenceNumber => {
  if (typeof value !== 'string' || value.length < 21 || value.length > 40) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
};

/** Validates a sequence number (21 to 40 decimal digits). */
export const parseSequenceNumber = (
  value: unknown,
): E.Either<InvalidSequenceNumber, SequenceNumber> =>
  isSequenceNumber(value) ? E.right(value) : E.left(invalidSequenceNumber(value));

/** Internal: the failure for a value `isSequenceNumber` rejected. */
export const invalidSequenceNumber = (value: unknown): InvalidSequenceNumber => ({
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

// Zero runs of every length a padding needs: the stores pad several times per change.
const ZEROS = Array.from({ length: 41 }, (_, n) => '0'.repeat(n));

/** Fixed-width (40 digits, zero-padded) form whose string order is the numeric order: for sort keys. */
export const sortableSequenceNumber = (s: SequenceNumber): string =>
  s.length >= 40 ? s : ZEROS[40 - s.length] + s;

/** io-ts codec for a sequence number string. */
export const SequenceNumberCodec = new t.Type<SequenceNumber, string, unknown>(
  'SequenceNumber',
  isSequenceNumber,
  (u, c) => (isSequenceNumber(u) ? t.success(u) : t.failure(u, c)),
  (s) => s,
);
