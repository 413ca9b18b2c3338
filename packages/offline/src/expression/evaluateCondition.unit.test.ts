import { describe, expect, it } from 'vitest';
import type { AttributeMap } from '../item/attributeMap.js';
import { compileExpressions } from './compileExpressions.js';
import { evaluateCondition } from './evaluateCondition.js';

const item: AttributeMap = {
  n: { N: '5' },
  s: { S: 'hello' },
  u: { S: 'héllo' },
  b: { B: new Uint8Array([1, 2, 3]) },
  l: { L: [{ N: '1' }, { S: 'x' }, { M: { y: { N: '2' } } }] },
  m: { M: { a: { M: { b: { S: 'c' } } } } },
  ss: { SS: ['a', 'b'] },
  ns: { NS: ['1', '2.5'] },
  t: { BOOL: true },
  z: { NULL: true },
};

const holds = (
  condition: string,
  values?: Record<string, unknown>,
  on: AttributeMap | undefined = item,
) => {
  const compiled = compileExpressions({
    condition,
    ...(values !== undefined ? { values: values as AttributeMap } : {}),
  });
  return evaluateCondition(compiled.condition as NonNullable<typeof compiled.condition>, on);
};

describe('evaluateCondition', () => {
  it('compares numbers as decimals, not as strings or floats', () => {
    expect(holds('n = :v', { ':v': { N: '5.00' } })).toBe(true);
    expect(holds('n < :v', { ':v': { N: '10' } })).toBe(true);
    expect(holds('ns = :v', { ':v': { NS: ['2.50', '1'] } })).toBe(true);
    expect(
      holds(':a < :b', {
        ':a': { N: '0.30000000000000000000000000000000000001' },
        ':b': { N: '0.3000000000000000000000000000000000001' },
      }),
    ).toBe(true);
  });

  it('orders strings by code point and binaries by unsigned bytes', () => {
    expect(holds('s < :v', { ':v': { S: 'hellp' } })).toBe(true);
    expect(holds('u > :v', { ':v': { S: 'hz' } })).toBe(true);
    expect(holds('b < :v', { ':v': { B: new Uint8Array([200]) } })).toBe(true);
  });

  it('makes comparisons across types false and <> true; a missing attribute is never equal', () => {
    expect(holds('s < :v', { ':v': { N: '1' } })).toBe(false);
    expect(holds('s = :v', { ':v': { N: '1' } })).toBe(false);
    expect(holds('s <> :v', { ':v': { N: '1' } })).toBe(true);
    expect(holds('nope = :v', { ':v': { N: '1' } })).toBe(false);
    expect(holds('nope <> :v', { ':v': { N: '1' } })).toBe(true);
    expect(holds('t < n')).toBe(false);
  });

  it('compares whole lists, maps and sets with = and <>', () => {
    expect(holds('m = :v', { ':v': { M: { a: { M: { b: { S: 'c' } } } } } })).toBe(true);
    expect(holds('ss <> :v', { ':v': { SS: ['a'] } })).toBe(true);
  });

  it('evaluates BETWEEN inclusively and IN against every operand', () => {
    expect(holds('n BETWEEN :a AND :b', { ':a': { N: '5' }, ':b': { N: '5' } })).toBe(true);
    expect(holds('n BETWEEN :a AND :b', { ':a': { N: '6' }, ':b': { N: '9' } })).toBe(false);
    expect(holds('s BETWEEN :a AND :b', { ':a': { N: '1' }, ':b': { N: '9' } })).toBe(false);
    expect(holds('n IN (:a, :b)', { ':a': { S: '5' }, ':b': { N: '5' } })).toBe(true);
    expect(holds('n IN (:a)', { ':a': { S: '5' } })).toBe(false);
  });

  it('reads nested paths and list indexes', () => {
    expect(holds('l[2].y = :v AND m.a.b = :c', { ':v': { N: '2' }, ':c': { S: 'c' } })).toBe(true);
    expect(holds('attribute_exists(l[3])')).toBe(false);
    expect(holds('attribute_exists(m.a)')).toBe(true);
    expect(holds('attribute_not_exists(s.x)')).toBe(true);
  });

  it('applies attribute_type, begins_with and contains to the types DynamoDB allows', () => {
    expect(holds('attribute_type(ns, :t)', { ':t': { S: 'NS' } })).toBe(true);
    expect(holds('attribute_type(z, :t)', { ':t': { S: 'NULL' } })).toBe(true);
    expect(holds('attribute_type(nope, :t)', { ':t': { S: 'S' } })).toBe(false);
    expect(holds('begins_with(s, :p)', { ':p': { S: 'he' } })).toBe(true);
    expect(holds('begins_with(b, :p)', { ':p': { B: new Uint8Array([1, 2]) } })).toBe(true);
    expect(holds('begins_with(l, :p)', { ':p': { S: 'x' } })).toBe(false);
    expect(holds('contains(s, :p)', { ':p': { S: 'ell' } })).toBe(true);
    expect(holds('contains(ss, :p)', { ':p': { S: 'b' } })).toBe(true);
    expect(holds('contains(ns, :p)', { ':p': { N: '2.50' } })).toBe(true);
    expect(holds('contains(ss, :p)', { ':p': { SS: ['b'] } })).toBe(false);
    expect(holds('contains(l, :p)', { ':p': { M: { y: { N: '2' } } } })).toBe(true);
    expect(holds('contains(n, :p)', { ':p': { N: '5' } })).toBe(false);
    expect(holds('contains(b, :p)', { ':p': { B: new Uint8Array([2, 3]) } })).toBe(true);
    expect(holds('contains(b, :p)', { ':p': { B: new Uint8Array([3, 2]) } })).toBe(false);
  });

  it('measures size in characters, bytes or members; other types have none', () => {
    expect(holds('size(u) = :v', { ':v': { N: '5' } })).toBe(true);
    expect(holds('size(b) = :v', { ':v': { N: '3' } })).toBe(true);
    expect(holds('size(l) = :v AND size(ss) = :w', { ':v': { N: '3' }, ':w': { N: '2' } })).toBe(
      true,
    );
    expect(holds('size(m) = :v', { ':v': { N: '1' } })).toBe(true);
    expect(holds('size(n) >= :v', { ':v': { N: '0' } })).toBe(false);
    expect(holds('size(nope) < :v', { ':v': { N: '1' } })).toBe(false);
  });

  it('binds NOT tighter than AND, and AND tighter than OR', () => {
    const values = { ':five': { N: '5' }, ':x': { S: 'x' } };
    // (NOT s = :x) AND n = :x is false; NOT (s = :x AND n = :x) would be true.
    expect(holds('NOT s = :x AND n = :x', { ':x': values[':x'] })).toBe(false);
    // n = :five OR (s = :x AND n = :x) is true; (n = :five OR s = :x) AND n = :x would be false.
    expect(holds('n = :five OR s = :x AND n = :x', values)).toBe(true);
    expect(holds('NOT (n = :five OR s = :x)', values)).toBe(false);
  });

  it('sees no attributes on a missing item', () => {
    expect(holds('attribute_not_exists(pk)', undefined, undefined)).toBe(true);
    expect(holds('attribute_exists(pk)', undefined, undefined)).toBe(false);
    expect(holds('pk <> :v', { ':v': { S: 'a' } }, undefined)).toBe(true);
  });
});
