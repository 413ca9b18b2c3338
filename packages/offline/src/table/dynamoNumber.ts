/**
 * A DynamoDB number in canonical form: `sign × digits × 10^exponent`, with `digits` free of
 * leading and trailing zeros ("0" for zero). DynamoDB stores numbers this way, which is why
 * "1.50" comes back as "1.5" and a put of "1e2" over "100" changes nothing.
 */
export interface DynamoNumber {
  readonly negative: boolean;
  readonly digits: string;
  readonly exponent: number;
}

/** Why a string is not a storable DynamoDB number; the message is DynamoDB Local's. */
export type NumberProblem = 'notANumber' | 'precision' | 'overflow' | 'underflow';

const SYNTAX = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const MAX_DIGITS = 38;
const MAX_LEADING_EXPONENT = 125;
const MIN_LEADING_EXPONENT = -130;

const ZERO: DynamoNumber = { negative: false, digits: '0', exponent: 0 };

/** Parses and range-checks a number string the way DynamoDB does. */
export const parseDynamoNumber = (text: string): DynamoNumber | NumberProblem => {
  const match = SYNTAX.exec(text);
  if (match === null) return 'notANumber';
  const [, sign, whole = '', fraction = '', exponentText] = match;
  if (whole === '' && fraction === '') return 'notANumber';
  const all = whole + fraction;
  let start = 0;
  while (start < all.length && all.charCodeAt(start) === 48) start++;
  if (start === all.length) return ZERO;
  let end = all.length;
  while (all.charCodeAt(end - 1) === 48) end--;
  const digits = all.slice(start, end);
  const exponent = Number(exponentText ?? 0) - fraction.length + (all.length - end);
  if (digits.length > MAX_DIGITS) return 'precision';
  const leading = exponent + digits.length - 1;
  if (leading > MAX_LEADING_EXPONENT) return 'overflow';
  if (leading < MIN_LEADING_EXPONENT) return 'underflow';
  return { negative: sign === '-', digits, exponent };
};

/** Plain decimal notation without exponent, as DynamoDB returns numbers ("1E+2" → "100"). */
export const formatDynamoNumber = (n: DynamoNumber): string => {
  const { digits, exponent } = n;
  const sign = n.negative ? '-' : '';
  if (exponent >= 0) return digits === '0' ? '0' : sign + digits + '0'.repeat(exponent);
  const point = digits.length + exponent;
  return point > 0
    ? `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
    : `${sign}0.${'0'.repeat(-point)}${digits}`;
};

/**
 * Bytes DynamoDB charges for a number: one per pair of significant digits, the pairs aligned on
 * the decimal point (base-100 digits), plus one, plus one more when negative. Matches the
 * `SizeBytes` DynamoDB Local reports ("1.5" → 3, "100" → 2, "-1" → 3, "0" → 1).
 */
export const dynamoNumberSize = (n: DynamoNumber): number => {
  if (n.digits === '0') return 1;
  const top = Math.floor((n.exponent + n.digits.length - 1) / 2);
  const bottom = Math.floor(n.exponent / 2);
  return top - bottom + 2 + (n.negative ? 1 : 0);
};

const toBigInt = (n: DynamoNumber, exponent: number): bigint => {
  const magnitude = BigInt(n.digits) * 10n ** BigInt(n.exponent - exponent);
  return n.negative ? -magnitude : magnitude;
};

/** Exact decimal sum (for `ADD`); the result is re-checked by the caller. */
export const addDynamoNumbers = (
  a: DynamoNumber,
  b: DynamoNumber,
): DynamoNumber | NumberProblem => {
  const exponent = Math.min(a.exponent, b.exponent);
  const sum = toBigInt(a, exponent) + toBigInt(b, exponent);
  const text = sum < 0n ? `-${-sum}e${exponent}` : `${sum}e${exponent}`;
  return parseDynamoNumber(text);
};

/** Numeric order of two canonical numbers: negative, zero or positive. */
export const compareDynamoNumbers = (a: DynamoNumber, b: DynamoNumber): number => {
  const signA = a.digits === '0' ? 0 : a.negative ? -1 : 1;
  const signB = b.digits === '0' ? 0 : b.negative ? -1 : 1;
  if (signA !== signB || signA === 0) return signA - signB;
  const leadA = a.exponent + a.digits.length;
  const leadB = b.exponent + b.digits.length;
  let magnitude: number;
  if (leadA !== leadB) magnitude = leadA - leadB;
  else {
    // Same leading exponent: digit strings compare like decimals once right-padded.
    const width = Math.max(a.digits.length, b.digits.length);
    const x = a.digits.padEnd(width, '0');
    const y = b.digits.padEnd(width, '0');
    magnitude = x < y ? -1 : x > y ? 1 : 0;
  }
  return magnitude === 0 ? 0 : signA * magnitude;
};

/**
 * Size of `text` if it is already a canonical integer ("0", "42", "-1500"), else -1: the common
 * case, answered without parsing or allocating.
 */
export const canonicalIntegerSize = (text: string): number => {
  const negative = text.charCodeAt(0) === 45;
  const start = negative ? 1 : 0;
  const length = text.length - start;
  if (length < 1 || length > 38) return -1;
  const first = text.charCodeAt(start);
  if (first === 48) return length === 1 && !negative ? 1 : -1;
  if (first < 49 || first > 57) return -1;
  let trailingZeros = 0;
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    trailingZeros = c === 48 ? trailingZeros + 1 : 0;
  }
  // Same formula as dynamoNumberSize, for digits × 10^trailingZeros.
  const digits = length - trailingZeros;
  const top = Math.floor((trailingZeros + digits - 1) / 2);
  const bottom = Math.floor(trailingZeros / 2);
  return top - bottom + 2 + (negative ? 1 : 0);
};
