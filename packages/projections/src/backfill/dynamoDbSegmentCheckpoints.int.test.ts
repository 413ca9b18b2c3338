import { PutCommand } from '@aws-sdk/lib-dynamodb';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { createProjectionTables } from '../dynamodb/tables/createProjectionTables.js';
import { connectLocal, uniquePrefix } from '../dynamodb/testSupport/localDynamoDb.js';
import {
  dynamoDbSegmentCheckpoints,
  segmentCheckpointTableSpec,
} from './dynamoDbSegmentCheckpoints.js';

const connection = connectLocal();
const { dynamodb, documentClient } = connection.clients;
afterAll(() => connection.destroy());

describe('segment checkpoints in DynamoDB', () => {
  it('keep each segment’s position (binary keys included) and whether it was followed per backfill id, replacing on save', async () => {
    const tableName = `${uniquePrefix('segments')}.checkpoints`;
    const created = await createProjectionTables(dynamodb, [segmentCheckpointTableSpec(tableName)]);
    if (E.isLeft(created)) throw new Error(created.left.message);
    const store = dynamoDbSegmentCheckpoints({ client: documentClient, tableName });
    const key = { pk: { B: new Uint8Array([0, 255, 7]) }, sk: { N: '12' } };
    expect(await store.load('orders:counts@1')).toEqual(E.right([]));
    await store.save('orders:counts@1', {
      segment: 0,
      totalSegments: 2,
      through: key,
      complete: false,
      scanned: 10,
    });
    await store.save('orders:counts@1', {
      segment: 1,
      totalSegments: 2,
      through: undefined,
      complete: true,
      scanned: 4,
      followed: true,
    });
    await store.save('orders:counts@1', {
      segment: 0,
      totalSegments: 2,
      through: key,
      complete: false,
      scanned: 20,
    });
    await store.save('orders:other@1', {
      segment: 0,
      totalSegments: 1,
      through: undefined,
      complete: true,
      scanned: 1,
    });
    const loaded = await store.load('orders:counts@1');
    expect(E.isRight(loaded) && [...loaded.right].sort((a, b) => a.segment - b.segment)).toEqual([
      {
        segment: 0,
        totalSegments: 2,
        through: key,
        complete: false,
        scanned: 20,
        followed: false,
      },
      {
        segment: 1,
        totalSegments: 2,
        through: undefined,
        complete: true,
        scanned: 4,
        followed: true,
      },
    ]);
  });

  it('report a checkpoint it cannot read back as a typed error', async () => {
    const tableName = `${uniquePrefix('segments')}.corrupt`;
    const created = await createProjectionTables(dynamodb, [segmentCheckpointTableSpec(tableName)]);
    if (E.isLeft(created)) throw new Error(created.left.message);
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          backfillId: 'b',
          segment: 0,
          totalSegments: 1,
          complete: false,
          scanned: 0,
          position: 'nonsense',
        },
      }),
    );
    const loaded = await dynamoDbSegmentCheckpoints({ client: documentClient, tableName }).load(
      'b',
    );
    expect(loaded).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'CorruptSegmentCheckpoint', tableName },
    });
  });
});
