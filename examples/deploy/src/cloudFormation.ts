import type { TableSpec } from '@sluice/projections/dynamodb';

/** A CloudFormation template as plain data, ready for `JSON.stringify`. */
export type Template = Readonly<Record<string, unknown>>;

/** `{ "Ref": id }`: a resource's name (a table's generated name, a queue's URL). */
export const ref = (logicalId: string) => ({ Ref: logicalId });

/** `{ "Fn::GetAtt": [id, attribute] }`, e.g. a table's `StreamArn`. */
export const getAtt = (logicalId: string, attribute: string) => ({
  'Fn::GetAtt': [logicalId, attribute],
});

/** A table's logical id in the template: `orderHistory` → `OrderHistoryTable`. */
export const logicalIdOf = (table: TableSpec): string =>
  `${table.tableName.charAt(0).toUpperCase()}${table.tableName.slice(1)}Table`;

/**
 * A DynamoDB table with the spec's key schema, billed on demand. No `TableName`: CloudFormation
 * generates one, so two stacks never collide; the function learns it from its environment.
 */
export const tableResource = (table: TableSpec, properties: Record<string, unknown> = {}) => {
  const keys =
    table.sortKey === undefined ? [table.partitionKey] : [table.partitionKey, table.sortKey];
  return {
    Type: 'AWS::DynamoDB::Table',
    Properties: {
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keys.map((key) => ({
        AttributeName: key.name,
        AttributeType: key.type,
      })),
      KeySchema: keys.map((key, i) => ({
        AttributeName: key.name,
        KeyType: i === 0 ? 'HASH' : 'RANGE',
      })),
      // Marker and tombstone tables expire what no replay can need any more.
      ...(table.timeToLiveAttribute === undefined
        ? {}
        : {
            TimeToLiveSpecification: { AttributeName: table.timeToLiveAttribute, Enabled: true },
          }),
      ...properties,
    },
  };
};
