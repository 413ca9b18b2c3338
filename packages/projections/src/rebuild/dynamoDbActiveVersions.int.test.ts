import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { createProjectionTables } from '../dynamodb/tables/createProjectionTables.js';
import { connectLocal, uniquePrefix } from '../dynamodb/testSupport/localDynamoDb.js';
import type { ActiveVersions } from './activeVersions.js';
import { activeVersionsTableSpec, dynamoDbActiveVersions } from './dynamoDbActiveVersions.js';
import { InMemoryActiveVersions } from './inMemoryActiveVersions.js';

const connection = connectLocal();
const { dynamodb, documentClient } = connection.clients;
afterAll(() => connection.destroy());

const contract = async (versions: ActiveVersions) => {
  expect(await versions.get('orders')).toEqual(E.right(undefined));
  expect(await versions.activate('orders', 1, undefined)).toEqual(E.right(undefined));
  expect(await versions.activate('orders', 2, undefined)).toMatchObject({
    _tag: 'Left',
    left: { _tag: 'VersionConflict', expected: undefined, actual: 1 },
  });
  expect(await versions.activate('orders', 2, 1)).toEqual(E.right(undefined));
  expect(await versions.activate('orders', 3, 1)).toMatchObject({
    _tag: 'Left',
    left: { _tag: 'VersionConflict', expected: 1, actual: 2 },
  });
  expect(await versions.get('orders')).toEqual(E.right(2));
  expect(await versions.get('counts')).toEqual(E.right(undefined));
};

describe('active versions', () => {
  it('switch by compare-and-set in memory', async () => {
    await contract(new InMemoryActiveVersions());
  });

  it('switch by compare-and-set in DynamoDB, exactly as in memory', async () => {
    const tableName = `${uniquePrefix('versions')}.active`;
    const created = await createProjectionTables(dynamodb, [activeVersionsTableSpec(tableName)]);
    if (E.isLeft(created)) throw new Error(created.left.message);
    await contract(dynamoDbActiveVersions({ client: documentClient, tableName }));
  });
});
