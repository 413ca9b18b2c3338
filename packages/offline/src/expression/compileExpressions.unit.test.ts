import { describe, expect, it } from 'vitest';
import type { KeySchema } from '../item/keySchema.js';
import { compileExpressions, type RequestExpressions } from './compileExpressions.js';

const schema: KeySchema = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'N' },
};
const v = { ':v': { N: '1' } };

const failure = (input: RequestExpressions, keySchema: KeySchema = schema) => {
  try {
    compileExpressions(input, keySchema);
  } catch (error) {
    const e = error as Error;
    return `${e.name}: ${e.message}`;
  }
  return 'no error';
};

// Every message below is DynamoDB Local's, read from its answers to the same request.
const cases: [string, RequestExpressions, string][] = [
  [
    'syntax error names the token and its neighbours',
    { update: 'SET a = = :v', values: v },
    'Invalid UpdateExpression: Syntax error; token: "=", near: "= = :v"',
  ],
  [
    'syntax error at the end',
    { condition: 's' },
    'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "s"',
  ],
  [
    'a name may not start with an underscore',
    { condition: '_a = :v', values: v },
    'Invalid ConditionExpression: Syntax error; token: "_", near: "_a"',
  ],
  [
    'a negative list index',
    { condition: 'l[-1] = :v', values: v },
    'Invalid ConditionExpression: Syntax error; token: "-", near: "[-1"',
  ],
  [
    'a list index out of range',
    { condition: 'l[99999999999] = :v', values: v },
    'Invalid ConditionExpression: List index is not within the allowable range; index: [99999999999]',
  ],
  [
    'arithmetic in a condition',
    { condition: 's = :v + :v', values: v },
    'Invalid ConditionExpression: Syntax error; token: "+", near: ":v + :v"',
  ],
  [
    'two arithmetic operators',
    { update: 'SET z = :v + :v + :v', values: v },
    'Invalid UpdateExpression: Syntax error; token: "+", near: ":v + :v"',
  ],
  [
    'a reserved word used bare',
    { update: 'SET name = :v', values: v },
    'Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: name',
  ],
  [
    'a reserved word in a nested path',
    { projection: 'a.Comment' },
    'Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: Comment',
  ],
  [
    'an undefined name',
    { update: 'SET #a = :v', values: v },
    'Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #a',
  ],
  [
    'an undefined value',
    { update: 'SET a = :x', values: v },
    'Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :x',
  ],
  [
    "unused names, in DynamoDB's order",
    { update: 'SET a = :v', names: { '#b': 'b', '#a': 'a' }, values: v },
    'Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #b}',
  ],
  [
    "unused values, in DynamoDB's order",
    { update: 'SET a = :v', values: { ...v, ':p': { S: 'a' }, ':a': { S: 'a' } } },
    'Value provided in ExpressionAttributeValues unused in expressions: keys: {:p, :a}',
  ],
  [
    'empty names',
    { update: 'SET a = :v', names: {}, values: v },
    'ExpressionAttributeNames must not be empty',
  ],
  [
    'empty values',
    { update: 'REMOVE a', values: {} },
    'ExpressionAttributeValues must not be empty',
  ],
  [
    'names without expressions',
    { names: { '#a': 'a' } },
    'ExpressionAttributeNames can only be specified when using expressions',
  ],
  [
    'an empty name',
    { update: 'SET #a = :v', names: { '#a': '' }, values: v },
    'ExpressionAttributeNames contains invalid value: Empty attribute name for key #a',
  ],
  [
    'a malformed name key',
    { update: 'SET a = :v', names: { b: 'b' }, values: v },
    'ExpressionAttributeNames contains invalid key: Syntax error; key: "b"',
  ],
  [
    'a malformed value key',
    { update: 'SET a = :v', values: { ...v, w: { S: 'y' } } },
    'ExpressionAttributeValues contains invalid key: Syntax error; key: "w"',
  ],
  [
    'an invalid value',
    { update: 'SET a = :v', values: { ...v, ':w': { N: 'y' } } },
    'ExpressionAttributeValues contains invalid value: A value provided cannot be converted into a number for key :w',
  ],
  [
    'an empty expression',
    { update: '' },
    'Invalid UpdateExpression: The expression can not be empty;',
  ],
  [
    'a clause twice',
    { update: 'SET a = :v SET b = :v', values: v },
    'Invalid UpdateExpression: The "SET" section can only be used once in an update expression;',
  ],
  [
    'overlapping paths',
    { update: 'SET a = :v, a.b = :v', values: v },
    'Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]',
  ],
  [
    'conflicting paths',
    { update: 'SET a.b = :v, a[1] = :v', values: v },
    'Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [1]]',
  ],
  [
    'overlapping projection paths',
    { projection: 'l, l[0]' },
    'Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [l], path two: [l, [0]]',
  ],
  [
    'a key attribute in an update',
    { update: 'SET pk = :s', values: { ':s': { S: 'x' } } },
    'One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key',
  ],
  [
    'size in an update',
    { update: 'SET z = size(s)' },
    'Invalid UpdateExpression: The function is not allowed in an update expression; function: size',
  ],
  [
    'an unknown function',
    { condition: 'foo(s)' },
    'Invalid ConditionExpression: Invalid function name; function: foo',
  ],
  [
    'function names are case-sensitive',
    { condition: 'ATTRIBUTE_EXISTS(s)' },
    'Invalid ConditionExpression: Invalid function name; function: ATTRIBUTE_EXISTS',
  ],
  [
    'size alone',
    { condition: 'size(s)' },
    'Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size',
  ],
  [
    'a boolean function as an operand',
    { condition: 'contains(s, :v) = :v', values: v },
    'Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: contains',
  ],
  [
    'list_append inside if_not_exists',
    { update: 'SET z = if_not_exists(z, list_append(:l, :l))', values: { ':l': { L: [] } } },
    'Invalid UpdateExpression: The function is not allowed to be used this way in an expression; function: list_append',
  ],
  [
    'if_not_exists with one operand',
    { update: 'SET z = if_not_exists(s)' },
    'Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1',
  ],
  [
    'if_not_exists on a value',
    { update: 'SET z = if_not_exists(:v, :v)', values: v },
    'Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists',
  ],
  [
    'if_not_exists on itself',
    { update: 'SET l = if_not_exists(a, a)' },
    'Invalid UpdateExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: if_not_exists, first operand: [a]',
  ],
  [
    'a string in arithmetic',
    { update: 'SET z = :s + :s', values: { ':s': { S: '1' } } },
    'Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S',
  ],
  [
    'a number in list_append',
    { update: 'SET z = list_append(:v, :v)', values: v },
    'Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: N',
  ],
  [
    'the last faulty action is reported',
    {
      update: 'SET l = list_append(:b, :l), a = list_append(:l, :v)',
      values: { ...v, ':b': { BOOL: true }, ':l': { L: [] } },
    },
    'Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: N',
  ],
  [
    'ADD a string',
    { update: 'ADD n :s', values: { ':s': { S: '1' } } },
    'Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING, typeSet: ALLOWED_FOR_ADD_OPERAND',
  ],
  [
    'DELETE a number',
    { update: 'DELETE ss :v', values: v },
    'Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER, typeSet: ALLOWED_FOR_DELETE_OPERAND',
  ],
  [
    'overlaps before operand types',
    {
      update: 'SET a = :n + :v, a = :s + :v',
      values: { ...v, ':n': { NULL: true }, ':s': { S: '' } },
    },
    'Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]',
  ],
  [
    'BETWEEN bounds in the wrong order',
    { condition: 's BETWEEN :b AND :a', values: { ':a': { S: 'a' }, ':b': { S: 'b' } } },
    'Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}',
  ],
  [
    'BETWEEN bounds of two types, spelled as sent',
    { condition: 's BETWEEN :a AND :n', values: { ':a': { S: 'a' }, ':n': { N: '1.0' } } },
    'Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {S:a}, upper bound operand: AttributeValue: {N:1.0}',
  ],
  [
    'an unknown attribute type',
    { condition: 'attribute_type(s, :t)', values: { ':t': { S: 'XX' } } },
    'Invalid ConditionExpression: Invalid attribute type name found; type: XX, valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}',
  ],
  [
    'attribute_type with a number',
    { condition: 'attribute_type(s, :v)', values: v },
    'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N',
  ],
  [
    'begins_with a number',
    { condition: 'begins_with(s, :v)', values: v },
    'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N',
  ],
  [
    'ordering a boolean',
    { condition: 'b < :b', values: { ':b': { BOOL: true } } },
    'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: <, operand type: BOOL',
  ],
  [
    'size of size',
    { condition: 'size(size(s)) = :v', values: v },
    'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: N',
  ],
  [
    'attribute_exists of a value',
    { condition: 'attribute_exists(:v)', values: v },
    'Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists',
  ],
  [
    'attribute_exists with two operands',
    { condition: 'attribute_exists(s, s)' },
    'Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2',
  ],
  [
    'a path compared with itself',
    { condition: 's = s' },
    'Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [s]',
  ],
  [
    'a path in its own IN list',
    { condition: 's IN (:v, s)', values: v },
    'Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: IN, first operand: [s]',
  ],
  [
    'an empty IN list',
    { condition: 's IN ()' },
    'Invalid ConditionExpression: Syntax error; token: ")", near: "()"',
  ],
  [
    'redundant parentheses',
    { condition: '((a = :v))', values: v },
    'Invalid ConditionExpression: The expression has redundant parentheses;',
  ],
  [
    'redundant parentheses in an update',
    { update: 'SET z = ((:v))', values: v },
    'Invalid UpdateExpression: The expression has redundant parentheses;',
  ],
  [
    'a filter on a key attribute in a query',
    { keyCondition: 'pk = :p', filter: 'sk = :v', values: { ...v, ':p': { S: 'a' } } },
    'Filter Expression can only contain non-primary key attributes: Primary key attribute: sk',
  ],
];

describe('compileExpressions refuses what DynamoDB refuses, with its message', () => {
  it.each(cases)('%s', (_name, input, message) => {
    expect(failure(input)).toBe(`ValidationException: ${message}`);
  });

  it('IN takes at most 100 operands', () => {
    const values = Object.fromEntries(
      Array.from({ length: 101 }, (_, i) => [`:v${i}`, { N: `${i}` }]),
    );
    const list = Object.keys(values).join(', ');
    expect(failure({ condition: `a IN (${list})`, values })).toMatch(/IN operator .* 101/);
    const hundred = Object.keys(values).slice(0, 100);
    const fewer = Object.fromEntries(hundred.map((k) => [k, values[k] as { N: string }]));
    expect(failure({ condition: `a IN (${hundred.join(', ')})`, values: fewer })).toBe('no error');
  });
});

describe('compileExpressions limits', () => {
  it('refuses an expression over 4 KB, and a path over 32 levels', () => {
    const name = 'a'.repeat(4100);
    expect(failure({ condition: `${name} = :v`, values: v })).toBe(
      'ValidationException: Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 4105',
    );
    expect(failure({ update: `SET ${name} = :v`, values: v })).toBe(
      'ValidationException: Invalid UpdateExpression: Expression size has exceeded the maximum allowed size;',
    );
    expect(failure({ condition: `${'a'.repeat(4091)} = :v`, values: v })).toBe('no error');
    expect(failure({ update: `SET ${Array(40).fill('m').join('.')} = :v`, values: v })).toBe(
      'ValidationException: Invalid UpdateExpression: The document path has too many nesting levels; nesting levels: 40',
    );
    expect(failure({ update: `SET ${Array(32).fill('m').join('.')} = :v`, values: v })).toBe(
      'no error',
    );
  });
});

describe('compileExpressions accepts', () => {
  it.each([
    ['lower-case keywords', { update: 'set a = :v remove b', values: v }],
    ['spaces inside paths', { condition: 'm . x = :v AND l [0] = :v', values: v }],
    ['a parenthesized operand', { condition: '(s) = :v', values: v }],
    ['a parenthesized SET value', { update: 'SET z = (:v + :v)', values: v }],
    ['IN with parenthesized operands', { condition: 'a IN ((:v))', values: v }],
    ['two values compared', { condition: ':v = :v', values: v }],
    ['reserved words through names', { update: 'SET #n = :v', names: { '#n': 'name' }, values: v }],
  ] as [string, RequestExpressions][])('%s', (_name, input) => {
    expect(failure(input)).toBe('no error');
  });

  it('returns only the expressions it was given', () => {
    const compiled = compileExpressions({ projection: 'a, b.c[1]' });
    expect(compiled).toEqual({ projection: { paths: [['a'], ['b', 'c', 1]] } });
  });
});
