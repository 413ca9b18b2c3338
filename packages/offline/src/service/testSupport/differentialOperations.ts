import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';

// Random operations for the differential test: few keys and values so that conditions fail,
// writes collide and updates meet attributes of the wrong type often. Numbers are canonical
// (DynamoDB Local keeps non-canonical spellings inside lists, maps and SET values).

const S = (s: string): AttributeValue => ({ S: s });
const N = (n: string): AttributeValue => ({ N: n });

const keyArbitrary = fc.record({
  pk: fc.constantFrom('a', 'b', 'c').map(S),
  sk: fc.constantFrom('1', '2', '3').map(N),
});

const value: fc.Arbitrary<AttributeValue> = fc.oneof(
  fc.constantFrom('x', 'y', '').map(S),
  fc.constantFrom('1', '2', '-0.5').map(N),
  fc.boolean().map((BOOL): AttributeValue => ({ BOOL })),
  fc.constant<AttributeValue>({ L: [N('1'), S('x')] }),
  fc.constant<AttributeValue>({ M: { x: N('1') } }),
  fc.constant<AttributeValue>({ SS: ['p', 'q'] }),
);

const attributesArbitrary = fc.record(
  {
    a: fc.constantFrom('1', '5', '10').map(N),
    s: value,
    l: fc.constant({ L: [N('1')] }),
    g: fc.constantFrom('g1', 'g2').map(S),
    ss: fc.constant({ SS: ['p'] }),
  },
  { requiredKeys: [] },
);

/** A condition and the placeholders it needs. */
interface Expression {
  readonly text: string;
  readonly names?: Record<string, string>;
  readonly values?: Record<string, AttributeValue>;
}

const conditions: readonly (Expression | undefined)[] = [
  undefined,
  { text: 'attribute_not_exists(pk)' },
  { text: 'attribute_exists(pk)' },
  { text: 'a < :five', values: { ':five': N('5') } },
  { text: 'attribute_type(s, :t) OR size(l) > :one', values: { ':t': S('S'), ':one': N('1') } },
  { text: 'NOT contains(ss, :p)', values: { ':p': S('p') } },
];

const updates: readonly Expression[] = [
  { text: 'SET a = if_not_exists(a, :zero) + :two', values: { ':zero': N('0'), ':two': N('2') } },
  {
    text: 'SET l = list_append(if_not_exists(l, :empty), :more)',
    values: { ':empty': { L: [] }, ':more': { L: [S('z')] } },
  },
  { text: 'REMOVE s, l[0]' },
  { text: 'ADD ss :set', values: { ':set': { SS: ['q', 'r'] } } },
  { text: 'DELETE ss :set', values: { ':set': { SS: ['p'] } } },
  { text: 'SET s.x = :v', values: { ':v': N('1') } },
  { text: 'SET #s = :v, g = :g', names: { '#s': 's' }, values: { ':v': S('w'), ':g': S('g2') } },
  { text: 'SET a = a - :one', values: { ':one': N('1') } },
  { text: 'ADD a :one', values: { ':one': N('1') } },
];

const merge = (...expressions: (Expression | undefined)[]) => {
  const names = Object.assign({}, ...expressions.map((e) => e?.names ?? {}));
  const values = Object.assign({}, ...expressions.map((e) => e?.values ?? {}));
  return {
    ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
};

const condition = fc.constantFrom(...conditions);

/** One operation, as the input of a low-level DynamoDBClient command (the table name added later). */
export type DifferentialOperation =
  | { readonly op: 'PutItem'; readonly input: Record<string, unknown> }
  | { readonly op: 'UpdateItem'; readonly input: Record<string, unknown> }
  | { readonly op: 'DeleteItem'; readonly input: Record<string, unknown> }
  | { readonly op: 'GetItem'; readonly input: Record<string, unknown> }
  | { readonly op: 'Query'; readonly input: Record<string, unknown> }
  | { readonly op: 'Scan'; readonly input: Record<string, unknown> }
  | {
      readonly op: 'BatchWriteItem';
      readonly input: { readonly requests: Record<string, unknown>[] };
    }
  | {
      readonly op: 'BatchGetItem';
      readonly input: { readonly keys: Record<string, AttributeValue>[] };
    }
  | {
      readonly op: 'TransactWriteItems';
      readonly input: { readonly actions: Record<string, unknown>[] };
    };

const put = fc
  .tuple(
    keyArbitrary,
    attributesArbitrary,
    condition,
    fc.constantFrom('NONE', 'ALL_OLD'),
    fc.boolean(),
  )
  .map(([key, attributes, c, ReturnValues, onFailure]) => ({
    Item: { ...attributes, ...key },
    ...(c ? { ConditionExpression: c.text } : {}),
    ...merge(c),
    ReturnValues,
    ...(onFailure && c ? { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } : {}),
  }));

const update = fc
  .tuple(
    keyArbitrary,
    fc.constantFrom(...updates),
    condition,
    fc.constantFrom('NONE', 'ALL_OLD', 'ALL_NEW', 'UPDATED_OLD', 'UPDATED_NEW'),
  )
  .map(([Key, u, c, ReturnValues]) => ({
    Key,
    UpdateExpression: u.text,
    ...(c ? { ConditionExpression: c.text } : {}),
    ...merge(u, c),
    ReturnValues,
  }));

const del = fc.tuple(keyArbitrary, condition).map(([Key, c]) => ({
  Key,
  ...(c ? { ConditionExpression: c.text } : {}),
  ...merge(c),
  ReturnValues: 'ALL_OLD',
}));

const query = fc
  .tuple(
    fc.constantFrom('a', 'b'),
    fc.constantFrom(undefined, 'sk > :s', 'sk BETWEEN :s AND :t'),
    fc.integer({ min: 1, max: 3 }),
    fc.boolean(),
    fc.boolean(),
    fc.constantFrom(undefined, 'byG', 'byA'),
    fc.constantFrom(undefined, 'ALL_ATTRIBUTES', 'COUNT'),
  )
  .map(([pk, sort, Limit, ScanIndexForward, filtered, index, Select]) =>
    index === 'byG'
      ? {
          IndexName: 'byG',
          KeyConditionExpression: 'g = :g',
          ExpressionAttributeValues: { ':g': S(pk === 'a' ? 'g1' : 'g2') },
          Limit,
          ScanIndexForward,
        }
      : index === 'byA'
        ? {
            IndexName: 'byA',
            KeyConditionExpression: 'pk = :p AND a >= :x',
            ExpressionAttributeValues: { ':p': S(pk), ':x': N('2') },
            Limit,
            ScanIndexForward,
            ...(Select ? { Select } : {}),
          }
        : {
            KeyConditionExpression: `pk = :p${sort ? ` AND ${sort}` : ''}`,
            ...(filtered ? { FilterExpression: 'attribute_exists(a)' } : {}),
            ExpressionAttributeValues: {
              ':p': S(pk),
              ...(sort ? { ':s': N('1') } : {}),
              ...(sort?.includes(':t') ? { ':t': N('2') } : {}),
            },
            Limit,
            ScanIndexForward,
          },
  );

const actionKey = (action: Record<string, unknown>): string => {
  const body = Object.values(action)[0] as {
    Key?: Record<string, AttributeValue>;
    Item?: Record<string, AttributeValue>;
  };
  const key = body.Key ?? body.Item ?? {};
  return `${key.pk?.S}/${key.sk?.N}`;
};

const scan = fc
  .tuple(fc.boolean(), fc.boolean(), fc.constantFrom(undefined, 'pk, a, ss'))
  .map(([filtered, onIndex, projection]) => ({
    ...(onIndex ? { IndexName: 'byG' } : {}),
    ...(filtered
      ? { FilterExpression: 'a >= :two', ExpressionAttributeValues: { ':two': N('2') } }
      : {}),
    ...(projection ? { ProjectionExpression: projection } : {}),
  }));

const batchWrite = fc
  .uniqueArray(
    fc.oneof(
      fc
        .tuple(keyArbitrary, attributesArbitrary)
        .map(([key, attributes]) => ({ PutRequest: { Item: { ...attributes, ...key } } })),
      keyArbitrary.map((Key) => ({ DeleteRequest: { Key } })),
    ),
    { minLength: 1, maxLength: 4, selector: (r) => actionKey(r) },
  )
  .map((requests) => ({ requests }));

const batchGet = fc
  .uniqueArray(keyArbitrary, {
    minLength: 1,
    maxLength: 4,
    selector: (k) => `${k.pk?.S}/${k.sk?.N}`,
  })
  .map((keys) => ({ keys }));

const get = keyArbitrary.map((Key) => ({ Key, ProjectionExpression: 'a, l[0], s' }));

const transactAction = fc.oneof(
  put.map((p) => ({ Put: { ...p, ReturnValues: undefined } })),
  update.map((u) => ({ Update: { ...u, ReturnValues: undefined } })),
  del.map((d) => ({ Delete: { ...d, ReturnValues: undefined } })),
  fc
    .tuple(keyArbitrary, fc.constantFrom(...conditions.filter((c) => c !== undefined)))
    .map(([Key, c]) => ({ ConditionCheck: { Key, ConditionExpression: c?.text, ...merge(c) } })),
);

/** A random operation. */
export const differentialOperation: fc.Arbitrary<DifferentialOperation> = fc.oneof(
  { weight: 3, arbitrary: put.map((input) => ({ op: 'PutItem' as const, input })) },
  { weight: 4, arbitrary: update.map((input) => ({ op: 'UpdateItem' as const, input })) },
  { weight: 2, arbitrary: del.map((input) => ({ op: 'DeleteItem' as const, input })) },
  { weight: 1, arbitrary: get.map((input) => ({ op: 'GetItem' as const, input })) },
  { weight: 2, arbitrary: query.map((input) => ({ op: 'Query' as const, input })) },
  { weight: 1, arbitrary: scan.map((input) => ({ op: 'Scan' as const, input })) },
  { weight: 1, arbitrary: batchWrite.map((input) => ({ op: 'BatchWriteItem' as const, input })) },
  { weight: 1, arbitrary: batchGet.map((input) => ({ op: 'BatchGetItem' as const, input })) },
  {
    weight: 2,
    arbitrary: fc
      // Distinct items: DynamoDB Local checks conditions before refusing two actions on one item,
      // AWS documents a ValidationException first (the unit tests pin AWS's behaviour).
      .uniqueArray(transactAction, { minLength: 1, maxLength: 3, selector: actionKey })
      .map((actions) => ({ op: 'TransactWriteItems' as const, input: { actions } })),
  },
);
