import { seededRandom } from '../random/seededRandom.js';

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

/**
 * How a stream numbers its records. `misleading` (the default): every shard counts from its own
 * seeded base with its own seeded stride, so across shards the numbers say nothing about write
 * order, as on AWS; a child shard still starts above its parent. `monotone`: one counter for the
 * whole stream, as DynamoDB Local's single shard looks; cross-shard comparisons then pass by luck.
 */
export type SequenceNumbering = 'misleading' | 'monotone';

/** The numbers of one shard, strictly increasing. */
export interface ShardNumbers {
  /** The shard's `StartingSequenceNumber`: no record of it is lower. */
  readonly first: string;
  /** The next record's number. */
  next(): string;
}

/** Gives each new shard its numbers, knowing the parent's last number (or its start). */
export type ShardNumberSource = (
  shardIndex: number,
  parentLast: string | undefined,
) => ShardNumbers;

// A misleading number is <value: 15 digits><shard index: 6 digits>: the value orders records of a
// lineage, the suffix keeps numbers unique across shards whose values collide.
const INDEX_DIGITS = 6;
const INDEX_SPAN = 10 ** INDEX_DIGITS;
const MAX_VALUE = 10 ** (SEQUENCE_WIDTH - INDEX_DIGITS) - 1;
// Bases far apart relative to strides, so a later record on one shard is often lower than an
// earlier one on another; strides that differ, so the shards' order also flips as they grow.
const BASE_SPREAD = 1_000_000;
const MAX_STRIDE = 10_000;

const misleadingNumbers = (seed: number): ShardNumberSource => {
  const random = seededRandom(seed);
  return (shardIndex, parentLast) => {
    const parentValue =
      parentLast === undefined ? 0 : Number(parentLast.slice(0, SEQUENCE_WIDTH - INDEX_DIGITS));
    const suffix = String(shardIndex % INDEX_SPAN).padStart(INDEX_DIGITS, '0');
    const stride = random.int(1, MAX_STRIDE);
    let value = parentValue + random.int(1, BASE_SPREAD);
    const format = (v: number): string =>
      String(v).padStart(SEQUENCE_WIDTH - INDEX_DIGITS, '0') + suffix;
    const first = format(value);
    let issued = false;
    return {
      first,
      next: () => {
        if (issued) value += random.int(1, stride);
        issued = true;
        if (value > MAX_VALUE) throw new RangeError('sequence numbers exhausted on this stream');
        return format(value);
      },
    };
  };
};

const monotoneNumbers = (): ShardNumberSource => {
  let counter = 0;
  return () => ({
    first: formatSequenceNumber(counter + 1),
    next: () => formatSequenceNumber(++counter),
  });
};

/** The number source of one stream. */
export const shardNumberSource = (numbering: SequenceNumbering, seed: number): ShardNumberSource =>
  numbering === 'monotone' ? monotoneNumbers() : misleadingNumbers(seed);
