import * as E from 'fp-ts/lib/Either.js';
import type { StoreHarness } from '../../contract/testSupport/storeHarness.js';
import { createProjectionTables } from '../../dynamodb/tables/createProjectionTables.js';
import { tableSpec, tombstoneTableSpec } from '../../dynamodb/tables/tableSpec.js';
import { faultyStoreHarness, ownClients } from '../../dynamodb/testSupport/dynamoDbHarness.js';
import { uniquePrefix } from '../../dynamodb/testSupport/localDynamoDb.js';
import { CLAIMED_BY_ATTRIBUTE } from '../lookup.js';
import { BUILTIN_TABLES } from './toyBuiltins.js';

/** The built-ins' tables on DynamoDB Local under a fresh prefix, with request-level faults. */
export const builtinDynamoDbHarness = async (): Promise<StoreHarness> => {
  const { dynamodb, documentClient } = ownClients();
  const prefix = uniquePrefix('builtins');
  const tableName = (table: string) => `${prefix}.${table}`;
  const created = await createProjectionTables(dynamodb, [
    tableSpec(tableName(BUILTIN_TABLES.replica), 'id'),
    tableSpec(tableName(BUILTIN_TABLES.lookup), 'list', CLAIMED_BY_ATTRIBUTE),
    tombstoneTableSpec(tableName(BUILTIN_TABLES.tombstones)),
  ]);
  if (E.isLeft(created)) throw new Error(created.left.message);
  return faultyStoreHarness({ dynamodb, documentClient }, tableName);
};
