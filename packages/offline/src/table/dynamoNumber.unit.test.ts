import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDynamoNumbers,
  compareDynamoNumbers,
  type DynamoNumber,
  dynamoNumberSize,
  formatDynamoNumber,
  parseDynamoNumber,
} from './dynamoNumber.js';

const canonical = (text: string): string => {
  const parsed = parseDynamoNumber(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return formatDynamoNumber(parsed);
};

const parsed = (text: string): DynamoNumber => {
  const n = parseDynamoNumber(text);
  if (typeof n === 'string') throw new Error(n);
  return n;
};

describe('DynamoDB numbers', () => {
  it('normalizes like DynamoDB: no exponent, no leading or trailing zeros, no negative zero', () => {
    expect(canonical('1.50')).toBe('1.5');
    expect(canonical('1e2')).toBe('100');
    expect(canonical('1E+2')).toBe('100');
    expect(canonical('-0.000')).toBe('0');
    expect(canonical('00012.3400')).toBe('12.34');
    expect(canonical('1E-5')).toBe('0.00001');
    expect(canonical('.5')).toBe('0.5');
    expect(canonical('5.')).toBe('5');
    expect(canonical('+5')).toBe('5');
    expect(canonical('-.5e-1')).toBe('-0.05');
    expect(canonical('9.9E+125')).toBe(`99${'0'.repeat(124)}`);
  });

  it('rejects what DynamoDB rejects', () => {
    for (const text of ['', ' 5', '1e', 'Infinity', 'NaN', '0x10', '1_000', '.', '-', 'e5']) {
      expect(parseDynamoNumber(text)).toBe('notANumber');
    }
    expect(parseDynamoNumber('123456789012345678901234567890123456789')).toBe('precision');
    expect(parseDynamoNumber('1e126')).toBe('overflow');
    expect(parseDynamoNumber('1e-131')).toBe('underflow');
    expect(typeof parseDynamoNumber('1e-130')).toBe('object');
    expect(typeof parseDynamoNumber('9.99e125')).toBe('object');
  });

  it('sizes numbers like DynamoDB Local reports them in SizeBytes', () => {
    // Figures read from DynamoDB Local 3.3 stream records.
    const sizes: Record<string, number> = {
      '0': 1,
      '1': 2,
      '1.5': 3,
      '100': 2,
      '123': 3,
      '12.34': 3,
      '0.5': 2,
      '0.00001': 2,
      '1000000': 2,
      '-1': 3,
      '-3': 3,
      '-0.001': 3,
      '-12345.678': 7,
      '9.9E+125': 2,
      '12345678901234567890123456789012345678': 20,
    };
    for (const [text, size] of Object.entries(sizes))
      expect([text, dynamoNumberSize(parsed(text))]).toEqual([text, size]);
  });

  it('adds exactly, beyond floating point', () => {
    const sum = (a: string, b: string) => {
      const s = addDynamoNumbers(parsed(a), parsed(b));
      return typeof s === 'string' ? s : formatDynamoNumber(s);
    };
    expect(sum('0.1', '0.2')).toBe('0.3');
    expect(sum('12345678901234567890', '1')).toBe('12345678901234567891');
    expect(sum('-5', '5')).toBe('0');
    expect(sum('1e100', '-1e100')).toBe('0');
    expect(sum('9.9e125', '9.9e125')).toBe('overflow');
  });

  it('formatting a parsed number and parsing it again changes nothing', () => {
    fc.assert(
      fc.property(
        fc
          .double({ min: -1e100, max: 1e100, noNaN: true })
          .filter((x) => x === 0 || Math.abs(x) > 1e-100),
        (x) => {
          const text = canonical(String(x));
          expect(canonical(text)).toBe(text);
          expect(Number(text)).toBe(Object.is(x, -0) ? 0 : x);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('orders numbers as their numeric values', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 6 }),
        (a, b, scale) => {
          const x = parsed(`${a}e-${scale}`);
          const y = parsed(`${b}e-${scale}`);
          expect(Math.sign(compareDynamoNumbers(x, y))).toBe(Math.sign(a - b));
        },
      ),
      { numRuns: 300 },
    );
  });
});
