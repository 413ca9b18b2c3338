import { describe, expect, it } from 'vitest';
import type { AttributeMap } from '../item/attributeMap.js';
import { admitAttributes } from '../table/admitValue.js';
import { applyUpdate } from './applyUpdate.js';
import { compileExpressions } from './compileExpressions.js';

const item = admitAttributes(
  {
    pk: { S: 'k' },
    n: { N: '5' },
    s: { S: 'hello' },
    l: { L: [{ N: '0' }, { N: '1' }, { N: '2' }, { N: '3' }] },
    m: { M: { a: { M: { b: { S: 'c' } } }, entries: { L: [] } } },
    ss: { SS: ['a', 'b'] },
    ns: { NS: ['1'] },
  },
  { size: 0 },
);

const update = (expression: string, values?: AttributeMap, on: AttributeMap = item) => {
  const compiled = compileExpressions({ update: expression, ...(values ? { values } : {}) });
  return applyUpdate(compiled.update as NonNullable<typeof compiled.update>, on);
};
const after = (expression: string, values?: AttributeMap, on?: AttributeMap) =>
  update(expression, values, on).item;
const error = (expression: string, values?: AttributeMap) => {
  try {
    update(expression, values);
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
  return 'no error';
};

describe('applyUpdate', () => {
  it('SETs nested map keys and list elements, leaving the input untouched', () => {
    const result = after('SET m.a.b = :v, m.a.d = :v, l[1] = :v', { ':v': { S: 'x' } });
    expect(result.m).toEqual({
      M: { a: { M: { b: { S: 'x' }, d: { S: 'x' } } }, entries: { L: [] } },
    });
    expect(result.l?.L?.[1]).toEqual({ S: 'x' });
    expect(item.m).toEqual({ M: { a: { M: { b: { S: 'c' } } }, entries: { L: [] } } });
    expect(Object.isFrozen(result)).toBe(true);
  });

  it('appends when a SET index is past the end, in index order', () => {
    const result = after('SET l[9] = :a, l[7] = :b', { ':a': { S: 'a' }, ':b': { S: 'b' } });
    expect(result.l?.L?.slice(4)).toEqual([{ S: 'b' }, { S: 'a' }]);
  });

  it('does arithmetic exactly on DynamoDB numbers', () => {
    expect(after('SET x = :a + :b', { ':a': { N: '0.1' }, ':b': { N: '0.2' } }).x).toEqual({
      N: '0.3',
    });
    expect(after('SET n = n - :a', { ':a': { N: '7.5' } }).n).toEqual({ N: '-2.5' });
    expect(error('SET x = :a + :a', { ':a': { N: '9.9e125' } })).toBe(
      'ValidationException: Number overflow. Attempting to store a number with magnitude larger than supported range',
    );
  });

  it('reads every SET value from the item as it was before the update', () => {
    const result = after('SET n = :v, dup = n', { ':v': { N: '0' } });
    expect([result.n, result.dup]).toEqual([{ N: '0' }, { N: '5' }]);
  });

  it('takes if_not_exists fallbacks only for missing paths', () => {
    const values = { ':d': { N: '0' } };
    expect(
      after('SET n = if_not_exists(n, :d), x = if_not_exists(m.zz, :d)', values),
    ).toMatchObject({
      n: { N: '5' },
      x: { N: '0' },
    });
  });

  it('appends lists with list_append in either order', () => {
    const values = { ':v': { L: [{ S: 'x' }] } };
    expect(after('SET m.entries = list_append(m.entries, :v)', values).m?.M?.entries).toEqual(
      values[':v'],
    );
    expect(after('SET l = list_append(:v, l)', values).l?.L?.[0]).toEqual({ S: 'x' });
  });

  it('REMOVEs list elements by their indexes before the update, and ignores missing ones', () => {
    expect(after('REMOVE l[0], l[2], l[9], nope, m.zz').l).toEqual({ L: [{ N: '1' }, { N: '3' }] });
  });

  it('ADDs to numbers and sets, creating what is missing', () => {
    const result = after('ADD n :one, c :one, ns :ns, ss :ss', {
      ':one': { N: '1' },
      ':ns': { NS: ['3', '1.0'] },
      ':ss': { SS: ['c'] },
    });
    expect(result).toMatchObject({
      n: { N: '6' },
      c: { N: '1' },
      ns: { NS: ['1', '3'] },
      ss: { SS: ['a', 'b', 'c'] },
    });
  });

  it('DELETEs set members, removing an emptied set, ignoring a missing one', () => {
    expect(after('DELETE ss :v', { ':v': { SS: ['a'] } }).ss).toEqual({ SS: ['b'] });
    expect('ss' in after('DELETE ss :v', { ':v': { SS: ['a', 'b'] } })).toBe(false);
    expect(after('DELETE nope :v', { ':v': { SS: ['a'] } })).toEqual(item);
  });

  it('starts from the bare key when the item is missing', () => {
    expect(after('SET a = :v', { ':v': { S: 'x' } }, { pk: { S: 'k' } })).toEqual({
      pk: { S: 'k' },
      a: { S: 'x' },
    });
  });

  it('reports the paths it wrote, with the index an append landed on', () => {
    const { updatedPaths } = update('SET l[9] = :v, m.a.b = :v REMOVE s ADD n :n', {
      ':v': { S: 'x' },
      ':n': { N: '1' },
    });
    expect(updatedPaths).toEqual([['l', 4], ['m', 'a', 'b'], ['n'], ['s']]);
  });

  it('raises DynamoDB runtime errors', () => {
    const wrongType =
      'ValidationException: An operand in the update expression has an incorrect data type';
    const badPath =
      'ValidationException: The document path provided in the update expression is invalid for update';
    const missing =
      'ValidationException: The provided expression refers to an attribute that does not exist in the item';
    expect(error('SET x = nope + :v', { ':v': { N: '1' } })).toBe(missing);
    expect(error('SET x = s + :v', { ':v': { N: '1' } })).toBe(wrongType);
    expect(error('SET x = list_append(n, :v)', { ':v': { L: [] } })).toBe(wrongType);
    expect(error('ADD s :v', { ':v': { N: '1' } })).toBe(wrongType);
    expect(error('ADD ss :v', { ':v': { NS: ['1'] } })).toBe(wrongType);
    expect(error('DELETE ns :v', { ':v': { SS: ['1'] } })).toBe(wrongType);
    expect(error('SET nope.x = :v', { ':v': { N: '1' } })).toBe(badPath);
    expect(error('SET m[0] = :v', { ':v': { N: '1' } })).toBe(badPath);
    expect(error('SET s.x = :v', { ':v': { N: '1' } })).toBe(badPath);
    expect(error('REMOVE s[0]')).toBe(badPath);
  });

  it('writes an attribute named __proto__ as data, never as the prototype', () => {
    const compiled = compileExpressions({
      update: 'SET #p = :v, m.#p = :v',
      names: { '#p': '__proto__' },
      values: { ':v': { M: { polluted: { BOOL: true } } } },
    });
    const result = applyUpdate(compiled.update as NonNullable<typeof compiled.update>, item).item;
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
    expect(Object.hasOwn(result.m?.M ?? {}, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
