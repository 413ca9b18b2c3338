import { describe, expect, it } from 'vitest';
import type { AttributeMap } from '../item/attributeMap.js';
import { compileExpressions } from './compileExpressions.js';
import { pick, project } from './project.js';

const item: AttributeMap = {
  pk: { S: 'a' },
  s: { S: 's' },
  l: { L: [{ N: '1' }, { N: '2' }, { M: { x: { N: '3' }, y: { N: '4' } } }] },
  m: { M: { x: { S: 'y' }, q: { N: '1' } } },
};

const projected = (expression: string, names?: Record<string, string>) => {
  const compiled = compileExpressions({ projection: expression, ...(names ? { names } : {}) });
  return project(compiled.projection as NonNullable<typeof compiled.projection>, item);
};

describe('project', () => {
  it('keeps nested keys and list elements in item order, dropping what is missing', () => {
    // DynamoDB Local's answer to the same ProjectionExpression.
    expect(projected('l[2].y, l[0], m.q, nope, m.nope, l[9]')).toEqual({
      l: { L: [{ N: '1' }, { M: { y: { N: '4' } } }] },
      m: { M: { q: { N: '1' } } },
    });
  });

  it('drops paths that go through a value of the wrong type', () => {
    expect(projected('s.x, l.x, m[0]')).toEqual({});
  });

  it('resolves names and keeps whole values', () => {
    expect(projected('#p, m', { '#p': 'pk' })).toEqual({ pk: item.pk, m: item.m });
  });
});

describe('pick', () => {
  it('returns the parts at the given paths, or an empty map', () => {
    expect(
      pick(item, [
        ['m', 'x'],
        ['l', 1],
      ]),
    ).toEqual({
      m: { M: { x: { S: 'y' } } },
      l: { L: [{ N: '2' }] },
    });
    expect(pick(item, [['gone'], ['l', 7]])).toEqual({});
  });
});
