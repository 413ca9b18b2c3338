/** A key attribute: its name and DynamoDB scalar type. */
export interface KeyAttribute {
  readonly name: string;
  readonly type: 'S' | 'N' | 'B';
}

/** A table the store writes to: name and primary key (no secondary indexes are needed). */
export interface TableSpec {
  readonly tableName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  /** The attribute DynamoDB's TTL deletes items by (epoch seconds), if any. */
  readonly timeToLiveAttribute?: string;
}

const keyAttribute = (key: string | KeyAttribute): KeyAttribute =>
  typeof key === 'string' ? { name: key, type: 'S' } : key;

/**
 * A table with this partition key and optional sort key; a bare name means a string key, e.g.
 * `tableSpec('OrderHistory', 'entityId', 'change')` for the order-history projection's defaults.
 */
export const tableSpec = (
  tableName: string,
  partitionKey: string | KeyAttribute,
  sortKey?: string | KeyAttribute,
): TableSpec => ({
  tableName,
  partitionKey: keyAttribute(partitionKey),
  ...(sortKey === undefined ? {} : { sortKey: keyAttribute(sortKey) }),
});

/** A marker table for `Contribute` writes: partition key `markerId` (string), nothing else. */
export const markerTableSpec = (tableName: string): TableSpec => ({
  ...tableSpec(tableName, 'markerId'),
  timeToLiveAttribute: 'expiresAt',
});

/**
 * A tombstone table for `DeleteIfNewer` writes: partition key `tombstoneId` (string), TTL on
 * `expiresAt`, so tombstones go once no replay can need them. Tables may share one.
 */
export const tombstoneTableSpec = (tableName: string): TableSpec => ({
  ...tableSpec(tableName, 'tombstoneId'),
  timeToLiveAttribute: 'expiresAt',
});
