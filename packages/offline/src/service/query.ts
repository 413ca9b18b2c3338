import type { QueryInput as SdkQueryInput } from '@aws-sdk/client-dynamodb';
import type { KeyCondition } from '../expression/expressions.js';
import type { AttributeMap, AttributeValue } from '../item/attributeMap.js';
import type { KeySchema } from '../item/keySchema.js';
import { validationException } from '../table/dynamoDbErrors.js';
import type { InMemoryTable } from '../table/inMemoryTable.js';
import type { ItemPage } from '../table/itemPage.js';
import { type QueryInput, queryItems, type SortKeyCondition } from '../table/queryItems.js';
import { readCapacity } from './consumedCapacity.js';
import { indexOf, pageOutput, selectOf } from './readPage.js';
import { compileRequest, refuseLegacy } from './requestExpressions.js';
import type { ServiceState } from './serviceState.js';
import { wireMap } from './wireJson.js';

const sortCondition = (sort: NonNullable<KeyCondition['sort']>): SortKeyCondition => {
  const [first, second] = sort.values;
  if (first === undefined) throw validationException('Invalid KeyConditionExpression');
  switch (sort.op) {
    case 'BETWEEN':
      if (second === undefined) throw validationException('Invalid KeyConditionExpression');
      return { type: 'between', low: first, high: second };
    case 'begins_with':
      return { type: 'beginsWith', prefix: first };
    default:
      return { type: sort.op, value: first };
  }
};

/** The table's query input for a key condition on `schema` (the table's or an index's). */
const keyQuery = (schema: KeySchema, keyCondition: KeyCondition | undefined): QueryInput => {
  if (keyCondition === undefined) {
    throw validationException(
      'Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.',
    );
  }
  if (keyCondition.partitionKey !== schema.partitionKey.name) {
    throw validationException(
      `Query condition missed key schema element: ${schema.partitionKey.name}`,
    );
  }
  const { sort } = keyCondition;
  if (sort !== undefined && sort.name !== schema.sortKey?.name) {
    throw validationException('Query key condition not supported');
  }
  return {
    partitionKey: keyCondition.partitionValue,
    ...(sort ? { sortKey: sortCondition(sort) } : {}),
  };
};

/** Query: one partition of the table or of a secondary index, filtered, projected and paged. */
export const query = (state: ServiceState, input: SdkQueryInput) => {
  refuseLegacy(input, ['KeyConditions', 'QueryFilter', 'AttributesToGet', 'ConditionalOperator']);
  const { engine } = state.table(input.TableName);
  const index = indexOf(engine, input.IndexName);
  const schema = index?.keySchema ?? engine.keySchema;
  const { keyCondition, filter, projection } = compileRequest(input, schema);
  const select = selectOf(input.Select, projection, index);
  const request: QueryInput = {
    ...keyQuery(schema, keyCondition),
    ...(input.ScanIndexForward === false ? { scanIndexForward: false } : {}),
    ...(input.Limit !== undefined ? { limit: input.Limit } : {}),
    ...(input.ExclusiveStartKey ? { exclusiveStartKey: wireMap(input.ExclusiveStartKey) } : {}),
  };
  if (input.ConsistentRead && index?.kind === 'global') {
    throw validationException('Consistent reads are not supported on global secondary indexes');
  }
  const page = index
    ? queryItems(index.store, schema, request, (key) => index.entryKeyOf(key))
    : engine.queryItems(request);
  const fetch = index?.kind === 'local' && index.projection.type !== 'ALL';
  // A local index answers for attributes it does not hold by reading the table, as DynamoDB does.
  const read = fetch && (select === 'ALL_ATTRIBUTES' || projection !== undefined);
  const readPage = read ? fromTable(engine, page) : page;
  return {
    ...pageOutput(readPage, filter, projection, select),
    ...readCapacity(input, engine.tableName, readPage.items),
  };
};

/** The page with each index entry replaced by its whole table item. */
const fromTable = (engine: InMemoryTable, page: ItemPage): ItemPage => {
  const { partitionKey, sortKey } = engine.keySchema;
  const items = page.items.flatMap((entry) => {
    const key: AttributeMap = { [partitionKey.name]: entry[partitionKey.name] as AttributeValue };
    if (sortKey) key[sortKey.name] = entry[sortKey.name] as AttributeValue;
    const item = engine.getItem(key);
    return item ? [item] : [];
  });
  return { ...page, items };
};
