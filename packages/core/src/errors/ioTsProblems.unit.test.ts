import { NumberValueImpl } from '@aws-sdk/util-dynamodb';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { describeValue } from './describeValue.js';
import { formatPath } from './fieldPath.js';
import { describeErrors, problemsFromErrors } from './ioTsProblems.js';

const problems = (codec: t.Mixed, value: unknown) => {
  const result = codec.decode(value);
  if (E.isRight(result)) throw new Error('expected a failure');
  return problemsFromErrors(result.left, ['NewImage']);
};

describe('problemsFromErrors', () => {
  it('writes the path of each field, index and odd name', () => {
    const Order = t.type({ lines: t.array(t.type({ 'unit-price': t.number })) });
    expect(problems(Order, { lines: [{ 'unit-price': 1 }, { 'unit-price': 'x' }] })).toEqual([
      { path: 'NewImage.lines[1]["unit-price"]', message: 'expected number, got "x"' },
    ]);
  });

  it('says a field is missing rather than undefined', () => {
    expect(problems(t.type({ a: t.string }), {})).toEqual([
      { path: 'NewImage.a', message: 'missing, expected string' },
    ]);
  });

  it('names a union and an intersection once, not each member it tried', () => {
    expect(problems(t.type({ a: t.union([t.string, t.number]) }), { a: true })).toEqual([
      { path: 'NewImage.a', message: 'expected (string | number), got true' },
    ]);
    const Both = t.intersection([t.type({ a: t.string }), t.partial({ b: t.number })]);
    expect(problems(Both, { a: 1, b: 'x' })).toEqual([
      { path: 'NewImage.a', message: 'expected string, got 1' },
      { path: 'NewImage.b', message: 'expected number, got "x"' },
    ]);
  });

  it('keeps a custom message a codec gives', () => {
    const Positive = new t.Type<number, number, unknown>(
      'Positive',
      (u): u is number => typeof u === 'number' && u > 0,
      (u, c) =>
        typeof u === 'number' && u > 0 ? t.success(u) : t.failure(u, c, 'must be above zero'),
      (n) => n,
    );
    expect(problems(t.type({ n: Positive }), { n: -1 })).toEqual([
      { path: 'NewImage.n', message: 'must be above zero' },
    ]);
  });
});

describe('formatPath', () => {
  it('joins names with dots, indexes with brackets and quotes the rest', () => {
    expect(formatPath(['a', 0, 'b c', '$ok', '1x'])).toBe('a[0]["b c"].$ok["1x"]');
    expect(formatPath([])).toBe('');
    expect(formatPath([3])).toBe('[3]');
  });
});

describe('describeValue', () => {
  it('never throws and stays short, whatever the value', () => {
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
          expect(describeValue(u).length).toBeLessThanOrEqual(60);
        },
      ),
    );
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeValue(cyclic)).toBe('[object Object]');
    expect(describeValue(12n)).toBe('12n');
    expect(describeValue(new Set([1]))).toBe('Set(1)');
    expect(describeValue(new NumberValueImpl('1.5'))).toBe('NumberValue(1.5)');
    expect(describeValue('x'.repeat(100))).toHaveLength(60);
  });
});

describe('describeErrors', () => {
  it('says every problem in one line, path first, as for stream images', () => {
    const Lease = t.type({ shardId: t.string, leaseCounter: t.number });
    const decoded = Lease.decode({ leaseCounter: 'x' });
    if (E.isRight(decoded)) throw new Error('expected a failure');
    expect(describeErrors(decoded.left)).toBe(
      'shardId: missing, expected string; leaseCounter: expected number, got "x"',
    );
  });

  it('names the value itself when the whole value is wrong', () => {
    const decoded = t.string.decode(3);
    if (E.isRight(decoded)) throw new Error('expected a failure');
    expect(describeErrors(decoded.left)).toBe('expected string, got 3');
  });
});
