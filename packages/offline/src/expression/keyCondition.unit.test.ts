import { describe, expect, it } from 'vitest';
import type { KeySchema } from '../item/keySchema.js';
import { compileExpressions } from './compileExpressions.js';

const schema: KeySchema = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'N' },
};
const values = { ':p': { S: 'a' }, ':a': { N: '0' }, ':b': { N: '5' } };

const keyCondition = (
  expression: string,
  used = values as Record<string, { S?: string; N?: string }>,
) => compileExpressions({ keyCondition: expression, values: used as never }, schema).keyCondition;

const failure = (expression: string, used: Record<string, unknown> = values) => {
  try {
    compileExpressions({ keyCondition: expression, values: used as never }, schema);
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
};

describe('KeyConditionExpression', () => {
  it('gives the partition value and the sort-key condition', () => {
    expect(keyCondition('pk = :p', { ':p': values[':p'] })).toEqual({
      partitionKey: 'pk',
      partitionValue: { S: 'a' },
    });
    expect(keyCondition('pk = :p AND sk BETWEEN :a AND :b')).toEqual({
      partitionKey: 'pk',
      partitionValue: { S: 'a' },
      sort: { name: 'sk', op: 'BETWEEN', values: [{ N: '0' }, { N: '5' }] },
    });
  });

  it('accepts either order, parentheses, and a value on the left (the operator flips)', () => {
    const used = { ':p': values[':p'], ':a': values[':a'] };
    expect(keyCondition('(:a < sk) AND (pk = :p)', used)?.sort).toEqual({
      name: 'sk',
      op: '>',
      values: [{ N: '0' }],
    });
  });

  it('accepts begins_with on a string sort key', () => {
    const stringSort: KeySchema = { ...schema, sortKey: { name: 'sk', type: 'S' } };
    const compiled = compileExpressions(
      { keyCondition: 'pk = :p AND begins_with(sk, :p)', values: { ':p': { S: 'a' } } },
      stringSort,
    );
    expect(compiled.keyCondition?.sort?.op).toBe('begins_with');
  });

  // DynamoDB Local's messages for the same Query.
  it.each([
    ['pk = :p OR pk = :p', 'Invalid operator used in KeyConditionExpression: OR'],
    ['pk <> :p', 'Invalid operator used in KeyConditionExpression: <>'],
    [
      'pk = :p AND attribute_exists(sk)',
      'Invalid operator used in KeyConditionExpression: attribute_exists',
    ],
    ['pk = :p AND NOT sk = :a', 'Invalid operator used in KeyConditionExpression: NOT'],
    ['pk = :p AND sk IN (:a)', 'Invalid operator used in KeyConditionExpression: IN'],
    ['pk < :p', 'Query key condition not supported'],
    ['sk = :a', 'Query condition missed key schema element'],
    ['pk = :p AND attr = :a', 'Query condition missed key schema element'],
    ['pk = :p AND pk = :p', 'KeyConditionExpressions must only contain one condition per key'],
    [
      'pk = :a',
      'One or more parameter values were invalid: Condition parameter type does not match schema type',
    ],
    [
      'pk = :p AND begins_with(sk, :p)',
      'One or more parameter values were invalid: Condition parameter type does not match schema type',
    ],
    [
      'pk.x = :p',
      "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: pk",
    ],
    ['size(pk) = :a', 'KeyConditionExpressions cannot contain nested operations'],
    [
      'pk = pk',
      'Invalid KeyConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [pk]',
    ],
  ])('%s → %s', (expression, message) => {
    const used = Object.fromEntries(Object.entries(values).filter(([k]) => expression.includes(k)));
    expect(failure(expression, Object.keys(used).length > 0 ? used : (undefined as never))).toBe(
      message,
    );
  });
});
