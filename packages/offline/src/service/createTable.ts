import type {
  AttributeDefinition,
  CreateTableInput,
  KeySchemaElement,
  Projection,
} from '@aws-sdk/client-dynamodb';
import type { StreamViewType } from '@sluice/core';
import type { KeyAttributeType, KeySchema, TableKeyAttribute } from '../item/keySchema.js';
import { validationException } from '../table/dynamoDbErrors.js';
import { InMemoryTable } from '../table/inMemoryTable.js';
import type { IndexProjection, SecondaryIndexOptions } from '../table/secondaryIndex.js';
import { describeTable } from './describeTable.js';
import { tableExists } from './serviceErrors.js';
import type { IndexDefinition, ServiceState, ServiceTable } from './serviceState.js';

const invalid = (message: string) =>
  validationException(`One or more parameter values were invalid: ${message}`);

const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;
const VIEW_TYPES = ['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'];

/** The key schema of a table or index, its attribute types read from the definitions. */
const keySchemaOf = (
  elements: KeySchemaElement[] | undefined,
  definitions: AttributeDefinition[],
  forTable = false,
): KeySchema => {
  const hash = elements?.filter((e) => e.KeyType === 'HASH') ?? [];
  const range = elements?.filter((e) => e.KeyType === 'RANGE') ?? [];
  if (hash.length !== 1 || range.length > 1 || (elements?.length ?? 0) !== 1 + range.length) {
    throw invalid('Invalid KeySchema: Some index key attribute have no definition');
  }
  const attribute = (element: KeySchemaElement): TableKeyAttribute => {
    const definition = definitions.find((d) => d.AttributeName === element.AttributeName);
    if (definition === undefined) {
      // DynamoDB Local's wording for the table's own keys (the two spaces are its own).
      if (forTable)
        throw validationException(
          `${element.KeyType === 'HASH' ? 'Hash' : 'Range'} Key not specified in Attribute Definitions.  Type unknown.`,
        );
      throw invalid(
        `Some index key attributes are not defined in AttributeDefinitions. Keys: [${element.AttributeName}], AttributeDefinitions: [${definitions.map((d) => d.AttributeName).join(', ')}]`,
      );
    }
    return {
      name: definition.AttributeName as string,
      type: definition.AttributeType as KeyAttributeType,
    };
  };
  const partitionKey = attribute(hash[0] as KeySchemaElement);
  return range[0] ? { partitionKey, sortKey: attribute(range[0]) } : { partitionKey };
};

const projectionOf = (projection: Projection | undefined): IndexProjection => {
  switch (projection?.ProjectionType) {
    case 'KEYS_ONLY':
      return { type: 'KEYS_ONLY' };
    case 'INCLUDE':
      return { type: 'INCLUDE', nonKeyAttributes: projection.NonKeyAttributes ?? [] };
    case 'ALL':
      return { type: 'ALL' };
    default:
      throw invalid('Unknown ProjectionType');
  }
};

const indexOptions = (
  indexes: IndexDefinition[],
  kind: 'global' | 'local',
  table: KeySchema,
  definitions: AttributeDefinition[],
): SecondaryIndexOptions[] =>
  indexes.map((index) => {
    const schema = keySchemaOf(index.KeySchema, definitions);
    if (
      kind === 'local' &&
      (schema.partitionKey.name !== table.partitionKey.name || !schema.sortKey)
    ) {
      throw invalid(
        `Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex`,
      );
    }
    return {
      ...schema,
      indexName: index.IndexName,
      kind,
      projection: projectionOf(index.Projection),
    };
  });

const checkDefinitionsUsed = (definitions: AttributeDefinition[], schemas: KeySchema[]): void => {
  const used = new Set(schemas.flatMap((s) => [s.partitionKey.name, s.sortKey?.name]));
  if (definitions.some((d) => !used.has(d.AttributeName))) {
    throw invalid(
      'Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions',
    );
  }
};

const streamViewTypeOf = (input: CreateTableInput): StreamViewType | undefined => {
  const spec = input.StreamSpecification;
  if (spec === undefined || !spec.StreamEnabled) return undefined;
  if (!VIEW_TYPES.includes(spec.StreamViewType as string)) {
    throw validationException('StreamViewType must be specified when StreamEnabled is true');
  }
  return spec.StreamViewType as StreamViewType;
};

/** CreateTable: the table is ACTIVE at once (no CREATING phase to wait through). */
export const createTable = (state: ServiceState, input: CreateTableInput) => {
  const name = input.TableName;
  if (typeof name !== 'string' || !TABLE_NAME.test(name)) {
    throw validationException(
      `TableName must be at least 3 characters long and at most 255 characters long`,
    );
  }
  if (state.tables.has(name)) throw tableExists();
  const definitions = input.AttributeDefinitions ?? [];
  const keySchema = keySchemaOf(input.KeySchema, definitions, true);
  const globalIndexes = (input.GlobalSecondaryIndexes ?? []) as IndexDefinition[];
  const localIndexes = (input.LocalSecondaryIndexes ?? []) as IndexDefinition[];
  const indexes = [
    ...indexOptions(globalIndexes, 'global', keySchema, definitions),
    ...indexOptions(localIndexes, 'local', keySchema, definitions),
  ];
  checkDefinitionsUsed(definitions, [keySchema, ...indexes]);
  const billingMode = input.BillingMode ?? 'PROVISIONED';
  if (billingMode === 'PROVISIONED' && input.ProvisionedThroughput === undefined) {
    throw validationException('No provisioned throughput specified for the table');
  }
  const { clock, region, accountId, stream } = state.settings;
  const engine = new InMemoryTable({
    tableName: name,
    ...keySchema,
    streamViewType: streamViewTypeOf(input),
    ...(stream ? { stream } : {}),
    clock,
    region,
    accountId,
    indexes,
  });
  // The table and its first stream are born together: the stream label is the creation time.
  const createdAt = engine.hasStream
    ? new Date(`${engine.stream.streamLabel}Z`)
    : new Date(clock.now());
  const table: ServiceTable = {
    engine,
    createdAt,
    attributeDefinitions: definitions,
    keySchema: input.KeySchema ?? [],
    billingMode,
    provisionedThroughput: billingMode === 'PROVISIONED' ? input.ProvisionedThroughput : undefined,
    globalIndexes,
    localIndexes,
    latestStream: engine.hasStream ? engine.stream : undefined,
  };
  state.tables.set(name, table);
  if (table.latestStream) state.streams.add(table.latestStream);
  return { TableDescription: describeTable(table) };
};
