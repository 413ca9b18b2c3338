/** Digits of our sequence numbers: DynamoDB Local's width (`000000000000000000001`). */
export const SEQUENCE_WIDTH = 21;

const LEADING_ZEROS = /^0+(?=\d)/;
const DIGITS = /^\d{1,40}$/;

/** The `n`-th sequence number of a stream, zero-padded so string order is numeric order. */
export const formatSequenceNumber = (n: number): string => String(n).padStart(SEQUENCE_WIDTH, '0');

/**
 * A caller's sequence number in our padded form (sequence numbers compare as integers, so
 * "5" and "000…005" are the same), or `undefined` if it is not one. Numbers wider than ours are
 * mapped past every number we issue.
 */
export const canonicalSequenceNumber = (value: unknown): string | undefined => {
  if (typeof value !== 'string' || !DIGITS.test(value)) return undefined;
  const digits = value.replace(LEADING_ZEROS, '');
  return digits.length > SEQUENCE_WIDTH
    ? '9'.repeat(SEQUENCE_WIDTH + 1)
    : digits.padStart(SEQUENCE_WIDTH, '0');
};
