import { tombstoneIdOf } from '../../plan/tombstoneId.js';
import {
  type DeleteIfNewer,
  type PutIfNewer,
  SOURCE_ATTRIBUTE,
  type TombstoneRow,
} from '../../plan/write.js';
import type { DeleteInput } from '../io/conditionalDelete.js';
import type { PutInput } from '../io/conditionalPut.js';
import type { TransactAction } from '../io/transactWrite.js';

// The conditions of `PutIfNewer` and `DeleteIfNewer` (plan/write.ts), one request each; the
// in-memory store's ifNewerRules.ts states the same rules.

type TableName = (table: string) => string;

const ownerNames = (source: string | undefined): Record<string, string> =>
  source === undefined ? {} : { '#source': SOURCE_ATTRIBUTE };
const ownerValues = (source: string | undefined): Record<string, string> =>
  source === undefined ? {} : { ':source': source };

/** The row's conditional PutItem: no row, or an older one owned by the write's source (if named). */
export const putRowInput = (write: PutIfNewer, tableName: TableName): PutInput => {
  const keyName = Object.keys(write.key)[0] ?? write.versionAttribute;
  const newer = '#version < :version';
  return {
    TableName: tableName(write.table),
    Item: {
      ...write.row,
      ...write.key,
      ...(write.source === undefined ? {} : { [SOURCE_ATTRIBUTE]: write.source }),
    },
    ConditionExpression: `attribute_not_exists(#key) OR ${write.source === undefined ? newer : `(#source = :source AND ${newer})`}`,
    ExpressionAttributeNames: {
      '#key': keyName,
      '#version': write.versionAttribute,
      ...ownerNames(write.source),
    },
    ExpressionAttributeValues: {
      ':version': write.row[write.versionAttribute],
      ...ownerValues(write.source),
    },
  };
};

const olderTombstone = 'attribute_not_exists(tombstoneId) OR #version < :version';

/** The put and a check that no tombstone of the row is as new, as one transaction. */
export const guardedPutActions = (
  write: PutIfNewer & { readonly tombstones: string },
  tableName: TableName,
): TransactAction[] => [
  { Put: putRowInput(write, tableName) as NonNullable<TransactAction['Put']> },
  {
    ConditionCheck: {
      TableName: tableName(write.tombstones),
      Key: { tombstoneId: tombstoneIdOf(write.table, write.key, write.source) },
      ConditionExpression: olderTombstone,
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':version': write.row[write.versionAttribute] },
    },
  },
];

/** The tombstone's conditional PutItem: only over an older tombstone. */
export const putTombstoneInput = (write: DeleteIfNewer, tableName: TableName): PutInput => {
  const tombstone: TombstoneRow = {
    tombstoneId: tombstoneIdOf(write.table, write.key, write.source),
    version: write.version,
    expiresAt: write.expiresAt,
  };
  return {
    TableName: tableName(write.tombstones),
    Item: { ...tombstone },
    ConditionExpression: olderTombstone,
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: { ':version': write.version },
  };
};

/** The row's conditional DeleteItem: only an older row, owned by the write's source (if named). */
export const deleteRowInput = (write: DeleteIfNewer, tableName: TableName): DeleteInput => ({
  TableName: tableName(write.table),
  Key: { ...write.key },
  ConditionExpression:
    write.source === undefined
      ? '#version < :version'
      : '#source = :source AND #version < :version',
  ExpressionAttributeNames: { '#version': write.versionAttribute, ...ownerNames(write.source) },
  ExpressionAttributeValues: { ':version': write.version, ...ownerValues(write.source) },
});
