import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { ownClients } from '../testSupport/dynamoDbHarness.js';
import { uniquePrefix } from '../testSupport/localDynamoDb.js';
import { createProjectionTables } from './createProjectionTables.js';
import { markerTableSpec, tableSpec, tombstoneTableSpec } from './tableSpec.js';

const { dynamodb } = ownClients();
afterAll(() => dynamodb.destroy());

const describeTable = (TableName: string) =>
  dynamodb.send(new DescribeTableCommand({ TableName })).then((r) => r.Table);

describe('createProjectionTables', () => {
  it('creates on-demand tables with the documented key schemas and waits until they are ACTIVE', async () => {
    const prefix = uniquePrefix('tables');
    const specs = [
      tableSpec(`${prefix}.history`, 'entityId', 'change'),
      markerTableSpec(`${prefix}.markers`),
      tableSpec(`${prefix}.byNumber`, { name: 'n', type: 'N' }),
    ];
    expect(await createProjectionTables(dynamodb, specs)).toEqual(E.right(undefined));
    const history = await describeTable(`${prefix}.history`);
    expect(history?.TableStatus).toBe('ACTIVE');
    expect(history?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(history?.KeySchema).toEqual([
      { AttributeName: 'entityId', KeyType: 'HASH' },
      { AttributeName: 'change', KeyType: 'RANGE' },
    ]);
    expect((await describeTable(`${prefix}.markers`))?.KeySchema).toEqual([
      { AttributeName: 'markerId', KeyType: 'HASH' },
    ]);
    expect((await describeTable(`${prefix}.byNumber`))?.AttributeDefinitions).toEqual([
      { AttributeName: 'n', AttributeType: 'N' },
    ]);
  });

  it('leaves existing tables alone, so a second run of an example succeeds', async () => {
    const spec = markerTableSpec(uniquePrefix('again'));
    expect(await createProjectionTables(dynamodb, [spec])).toEqual(E.right(undefined));
    expect(await createProjectionTables(dynamodb, [spec])).toEqual(E.right(undefined));
  });

  it('creates a tombstone table keyed by tombstoneId with TTL on expiresAt, twice without error', async () => {
    const spec = tombstoneTableSpec(uniquePrefix('tombstones'));
    expect(await createProjectionTables(dynamodb, [spec])).toEqual(E.right(undefined));
    expect(await createProjectionTables(dynamodb, [spec])).toEqual(E.right(undefined));
    expect((await describeTable(spec.tableName))?.KeySchema).toEqual([
      { AttributeName: 'tombstoneId', KeyType: 'HASH' },
    ]);
    const ttl = await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: spec.tableName }));
    expect(ttl.TimeToLiveDescription).toMatchObject({
      AttributeName: 'expiresAt',
      TimeToLiveStatus: 'ENABLED',
    });
  });

  it('returns a typed error when DynamoDB refuses a table', async () => {
    const result = await createProjectionTables(dynamodb, [markerTableSpec('x')]);
    expect(result).toMatchObject(
      E.left({ _tag: 'DynamoDbRequestFailed', operation: 'CreateTable', tableName: 'x' }),
    );
  });
});
