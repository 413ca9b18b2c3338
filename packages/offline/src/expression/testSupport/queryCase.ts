import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { type DynamoDBClient, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import type { AttributeMap } from '../../item/attributeMap.js';
import { admitAttributes } from '../../table/admitValue.js';
import { compareKeyValues } from '../../table/keyOrder.js';
import { compileExpressions } from '../compileExpressions.js';
import { evaluateCondition } from '../evaluateCondition.js';
import type { KeyCondition } from '../keyCondition.js';
import { project } from '../project.js';
import { arbitraryItem } from './arbitraryUpdateCase.js';
import { caseKeySchema, type UpdateOutcome } from './updateCase.js';

/** A Query's expressions and placeholders. */
export interface QueryCase {
  readonly keyCondition: string;
  readonly filter?: string;
  readonly projection?: string;
  readonly names?: Record<string, string>;
  readonly values: Record<string, AttributeValue>;
}

/** What Query answers: the items in order, or the error. */
export type QueryOutcome =
  | { readonly items: readonly AttributeMap[] }
  | Extract<UpdateOutcome, { error: string }>;

const PARTITION = 'query';

// A list long enough for projections of several of its elements, on every other item.
const longList: AttributeValue = { L: [{ N: '1' }, { S: 'x' }, { M: { x: { N: '2' } } }] };

/** Five items under one partition (`sk` 1…5) with random attributes. */
export const arbitraryPartition: fc.Arbitrary<AttributeMap[]> = fc
  .array(arbitraryItem, { minLength: 5, maxLength: 5 })
  .map((items) =>
    items.map((item, i) =>
      admitAttributes(
        {
          ...(i % 2 === 0 ? { l: longList } : {}),
          ...item,
          pk: { S: PARTITION },
          sk: { N: String(i + 1) },
        },
        { size: 0 },
      ),
    ),
  );

const sortCondition = fc.oneof(
  fc.constant({ text: '', values: {} }),
  fc
    .tuple(fc.constantFrom('=', '<', '<=', '>', '>='), fc.integer({ min: 0, max: 6 }))
    .map(([op, n]) => ({ text: ` AND sk ${op} :s0`, values: { ':s0': { N: String(n) } } })),
  fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })).map(([lo, extra]) => ({
    text: ' AND sk BETWEEN :s0 AND :s1',
    values: { ':s0': { N: String(lo) }, ':s1': { N: String(lo + extra) } },
  })),
);

const filters = fc.constantFrom<[string, Record<string, AttributeValue>] | undefined>(
  undefined,
  ['attribute_exists(a)', {}],
  ['size(l) > :f0', { ':f0': { N: '0' } }],
  ['n <> :f0 OR attribute_type(m, :f1)', { ':f0': { N: '1' }, ':f1': { S: 'M' } }],
  ['contains(s, :f0)', { ':f0': { S: 'a' } }],
);

const projections = fc.constantFrom(
  undefined,
  'a',
  'pk, l[0], m.x',
  'm.x.y, l[1], n',
  's, #n',
  'l[2], l[0], m.y',
);

/** A random Query on the partition: a sort-key condition, sometimes a filter and a projection. */
export const arbitraryQueryCase: fc.Arbitrary<QueryCase> = fc
  .tuple(sortCondition, filters, projections)
  .map(([sort, filter, projection]) => ({
    keyCondition: `pk = :p${sort.text}`,
    ...(filter !== undefined ? { filter: filter[0] } : {}),
    ...(projection !== undefined ? { projection } : {}),
    ...(projection?.includes('#n') ? { names: { '#n': 'name' } } : {}),
    values: { ':p': { S: PARTITION }, ...sort.values, ...(filter?.[1] ?? {}) },
  }));

const sortHolds = (condition: KeyCondition, item: AttributeMap): boolean => {
  const sort = condition.sort;
  if (sort === undefined) return true;
  const value = item[sort.name] as AttributeValue;
  const [a, b] = sort.values.map((v) => compareKeyValues('N', value, v)) as [number, number];
  switch (sort.op) {
    case '=':
      return a === 0;
    case '<':
      return a < 0;
    case '<=':
      return a <= 0;
    case '>':
      return a > 0;
    case '>=':
      return a >= 0;
    case 'BETWEEN':
      return a >= 0 && b <= 0;
    case 'begins_with':
      return false;
  }
};

/** The Query answered by the expression engine over `items` (already in sort-key order). */
export const queryWithEngine = (items: readonly AttributeMap[], c: QueryCase): QueryOutcome => {
  try {
    const compiled = compileExpressions(
      {
        keyCondition: c.keyCondition,
        ...(c.filter !== undefined ? { filter: c.filter } : {}),
        ...(c.projection !== undefined ? { projection: c.projection } : {}),
        ...(c.names !== undefined ? { names: c.names } : {}),
        values: c.values,
      },
      caseKeySchema,
    );
    const keyCondition = compiled.keyCondition as KeyCondition;
    const found = items
      .filter((item) => sortHolds(keyCondition, item))
      .filter((item) => compiled.filter === undefined || evaluateCondition(compiled.filter, item));
    const { projection } = compiled;
    return {
      items: projection === undefined ? found : found.map((item) => project(projection, item)),
    };
  } catch (error) {
    return { error: (error as Error).name, message: (error as Error).message };
  }
};

/** Writes the partition's items to DynamoDB Local. */
export const putPartition = async (
  client: DynamoDBClient,
  TableName: string,
  items: readonly AttributeMap[],
) => {
  for (const Item of items) await client.send(new PutItemCommand({ TableName, Item }));
};

/** The same Query on DynamoDB Local. */
export const queryOnDynamoDBLocal = async (
  client: DynamoDBClient,
  TableName: string,
  c: QueryCase,
): Promise<QueryOutcome> => {
  try {
    const { Items } = await client.send(
      new QueryCommand({
        TableName,
        KeyConditionExpression: c.keyCondition,
        FilterExpression: c.filter,
        ProjectionExpression: c.projection,
        ExpressionAttributeNames: c.names,
        ExpressionAttributeValues: c.values,
      }),
    );
    return { items: (Items ?? []).map((item) => admitAttributes(item, { size: 0 })) };
  } catch (error) {
    return { error: (error as Error).name, message: (error as Error).message };
  }
};

const p = { ':p': { S: PARTITION } };

/** Fixed Query cases, most of them refused, for their error messages. */
export const queryCorpus: readonly QueryCase[] = [
  { keyCondition: 'pk = :p OR pk = :p', values: p },
  { keyCondition: 'pk <> :p', values: p },
  { keyCondition: 'pk < :p', values: p },
  { keyCondition: 'sk = :n', values: { ':n': { N: '1' } } },
  { keyCondition: 'pk = :p AND pk = :p', values: p },
  { keyCondition: 'pk = :n', values: { ':n': { N: '1' } } },
  { keyCondition: 'pk = :p AND begins_with(sk, :p)', values: p },
  { keyCondition: 'pk = :p AND attribute_exists(sk)', values: p },
  { keyCondition: 'pk.x = :p', values: p },
  { keyCondition: 'size(pk) = :n', values: { ':n': { N: '1' } } },
  { keyCondition: 'pk = :p', filter: 'sk = :n', values: { ...p, ':n': { N: '1' } } },
  { keyCondition: 'pk = :p', projection: 'l, l[0]', values: p },
  { keyCondition: 'pk = :p', projection: 'a a', values: p },
  { keyCondition: 'pk = = :p', filter: 's = :p', projection: 'a a', values: p },
  { keyCondition: 'pk = :p', filter: 's = = :p', projection: 'a, a', values: p },
  { keyCondition: ':n <= sk AND (pk = :p)', values: { ...p, ':n': { N: '3' } } },
  {
    keyCondition: 'pk = :p AND sk BETWEEN :a AND :b',
    values: { ...p, ':a': { N: '4' }, ':b': { N: '2' } },
  },
  { keyCondition: 'pk = :p', projection: 'l[2], l[0], m.x.y', values: p },
];
