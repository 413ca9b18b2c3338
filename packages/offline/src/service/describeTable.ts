import type { DescribeTableInput, TableDescription } from '@aws-sdk/client-dynamodb';
import { attributesSize } from '../table/attributeSize.js';
import type { ItemStore } from '../table/itemStore.js';
import type { IndexDefinition, ServiceState, ServiceTable } from './serviceState.js';

const throughput = (table: ServiceTable, given = table.provisionedThroughput) => ({
  NumberOfDecreasesToday: 0,
  ReadCapacityUnits: given?.ReadCapacityUnits ?? 0,
  WriteCapacityUnits: given?.WriteCapacityUnits ?? 0,
});

const bytesOf = (items: readonly { size: number }[]): number =>
  items.reduce((sum, slot) => sum + slot.size, 0);

const indexDescription = (table: ServiceTable, index: IndexDefinition, global: boolean) => {
  const store = table.engine.index(index.IndexName)?.store as ItemStore;
  const slots = store.inScanOrder();
  return {
    IndexName: index.IndexName,
    KeySchema: index.KeySchema,
    Projection: index.Projection,
    IndexSizeBytes: bytesOf(slots),
    ItemCount: slots.length,
    IndexArn: `${table.engine.tableArn}/index/${index.IndexName}`,
    ...(global ? { IndexStatus: 'ACTIVE' as const } : {}),
    // On-demand tables have no index throughput to report.
    ...(global && table.billingMode === 'PROVISIONED'
      ? { ProvisionedThroughput: throughput(table, index.ProvisionedThroughput) }
      : {}),
  };
};

/** The TableDescription DescribeTable, CreateTable, UpdateTable and DeleteTable return. */
export const describeTable = (table: ServiceTable): TableDescription => {
  const { engine } = table;
  const items = engine.scanAllItems();
  const stream = table.latestStream;
  return {
    AttributeDefinitions: table.attributeDefinitions,
    TableName: engine.tableName,
    KeySchema: table.keySchema,
    TableStatus: 'ACTIVE',
    CreationDateTime: table.createdAt,
    ProvisionedThroughput: throughput(table),
    TableSizeBytes: items.reduce((sum, item) => sum + attributesSize(item), 0),
    ItemCount: items.length,
    TableArn: engine.tableArn,
    ...(table.billingMode === 'PAY_PER_REQUEST'
      ? {
          BillingModeSummary: {
            BillingMode: 'PAY_PER_REQUEST' as const,
            LastUpdateToPayPerRequestDateTime: table.createdAt,
          },
        }
      : {}),
    ...(table.localIndexes.length > 0
      ? { LocalSecondaryIndexes: table.localIndexes.map((i) => indexDescription(table, i, false)) }
      : {}),
    ...(table.globalIndexes.length > 0
      ? { GlobalSecondaryIndexes: table.globalIndexes.map((i) => indexDescription(table, i, true)) }
      : {}),
    ...(engine.hasStream
      ? { StreamSpecification: { StreamEnabled: true, StreamViewType: engine.stream.viewType } }
      : {}),
    ...(stream ? { LatestStreamLabel: stream.streamLabel, LatestStreamArn: stream.streamArn } : {}),
    DeletionProtectionEnabled: false,
  };
};

/** DescribeTable. */
export const describeTableOperation = (state: ServiceState, input: DescribeTableInput) => ({
  Table: describeTable(state.table(input.TableName)),
});
