/** The scalar types a key attribute may have. */
export type KeyAttributeType = 'S' | 'N' | 'B';

/** One key attribute of an in-memory table: its name and scalar type. */
export interface TableKeyAttribute {
  readonly name: string;
  readonly type: KeyAttributeType;
}

/** A table's primary key: a partition key and an optional sort key. */
export interface KeySchema {
  readonly partitionKey: TableKeyAttribute;
  readonly sortKey?: TableKeyAttribute;
}

/** The key schema in the SDK's `KeySchemaElement[]` form (as DescribeStream returns it). */
export const keySchemaElements = (
  schema: KeySchema,
): { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[] => [
  { AttributeName: schema.partitionKey.name, KeyType: 'HASH' },
  ...(schema.sortKey ? [{ AttributeName: schema.sortKey.name, KeyType: 'RANGE' as const }] : []),
];
