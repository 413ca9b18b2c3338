import { randomUUID } from 'node:crypto';
import {
  CreateTableCommand,
  DeleteItemCommand,
  DynamoDBClient,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { StreamViewType } from '../event/streamViewType.js';
import { itemKeyOf } from '../identity/itemKey.js';
import { compareSequenceNumbers, type SequenceNumber } from '../sequence/sequenceNumber.js';
import { changeEventDecoder } from './changeEventDecoder.js';

// The run-wide DynamoDB Local started by @sluice/testing's Vitest global setup (declared here too:
// core's type check does not see the testing package).
declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbLocalEndpoint: string;
  }
}

const config = {
  endpoint: inject('dynamodbLocalEndpoint'),
  region: 'local',
  credentials: { accessKeyId: 'sluice', secretAccessKey: 'sluice' },
};
const dynamodb = new DynamoDBClient(config);
const streams = new DynamoDBStreamsClient(config);
afterAll(() => {
  dynamodb.destroy();
  streams.destroy();
});

const isSetOf =
  <A>(element: (u: unknown) => u is A) =>
  (u: unknown): u is Set<A> =>
    u instanceof Set && [...u].every(element);

const StringSet = new t.Type<Set<string>>(
  'StringSet',
  isSetOf((u): u is string => typeof u === 'string'),
  (u, c) =>
    isSetOf((v): v is string => typeof v === 'string')(u) ? t.success(u) : t.failure(u, c),
  (s) => s,
);
const Bytes = new t.Type<Uint8Array>(
  'Bytes',
  (u): u is Uint8Array => u instanceof Uint8Array,
  (u, c) => (u instanceof Uint8Array ? t.success(u) : t.failure(u, c)),
  (b) => b,
);

const Order = t.intersection([
  t.type({ pk: t.string, sk: t.number, status: t.string }),
  t.partial({
    tags: StringSet,
    payload: Bytes,
    lines: t.array(t.type({ sku: t.string, quantity: t.number })),
    gift: t.boolean,
    note: t.null,
  }),
]);
const OrderKey = t.type({ pk: t.string, sk: t.number });

const VIEW_TYPES: readonly StreamViewType[] = [
  'KEYS_ONLY',
  'NEW_IMAGE',
  'OLD_IMAGE',
  'NEW_AND_OLD_IMAGES',
];

// DynamoDB Local answers TrimmedDataAccessException for a moment on a brand-new stream.
const retryTransient = async <A>(call: () => Promise<A>): Promise<A> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= 50 || (error as Error).name !== 'TrimmedDataAccessException') throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
};

// DynamoDB Local has one shard; an empty page means drained (it may omit NextShardIterator).
const readStream = async (streamArn: string): Promise<_Record[]> => {
  const { StreamDescription } = await streams.send(
    new DescribeStreamCommand({ StreamArn: streamArn }),
  );
  const records: _Record[] = [];
  for (const shard of StreamDescription?.Shards ?? []) {
    let iterator = (
      await retryTransient(() =>
        streams.send(
          new GetShardIteratorCommand({
            StreamArn: streamArn,
            ShardId: shard.ShardId,
            ShardIteratorType: 'TRIM_HORIZON',
          }),
        ),
      )
    ).ShardIterator;
    while (iterator !== undefined) {
      const page = await retryTransient(() =>
        streams.send(new GetRecordsCommand({ ShardIterator: iterator })),
      );
      records.push(...(page.Records ?? []));
      iterator = (page.Records ?? []).length === 0 ? undefined : page.NextShardIterator;
    }
  }
  return records;
};

/** The same record as Lambda would deliver it: epoch seconds, base64 binary, the stream ARN. */
const asLambdaRecord = (record: _Record, streamArn: string): unknown =>
  JSON.parse(
    JSON.stringify({ ...record, eventSourceARN: streamArn }, (key, value) => {
      if (key === 'ApproximateCreationDateTime') return Date.parse(value) / 1000;
      if (key === 'B' && typeof value === 'object')
        return Buffer.from(Object.values(value) as number[]).toString('base64');
      return value;
    }),
  );

const key = { pk: { S: 'order#1' }, sk: { N: '7' } };
const first = {
  ...key,
  status: { S: 'placed' },
  tags: { SS: ['new', 'web'] },
  payload: { B: new Uint8Array([0, 1, 2, 255]) },
  lines: { L: [{ M: { sku: { S: 'A-1' }, quantity: { N: '2' } } }] },
  gift: { BOOL: false },
  note: { NULL: true },
};
const firstItem = {
  pk: 'order#1',
  sk: 7,
  status: 'placed',
  tags: new Set(['new', 'web']),
  payload: new Uint8Array([0, 1, 2, 255]),
  lines: [{ sku: 'A-1', quantity: 2 }],
  gift: false,
  note: null,
};
const shippedItem = { ...firstItem, status: 'shipped' };

describe.each(VIEW_TYPES)('records DynamoDB Local wrote on a %s stream', (viewType) => {
  it('decode to the events, images and metadata that view type promises', async () => {
    const TableName = `core-decode-${viewType}-${randomUUID()}`;
    const { TableDescription } = await dynamodb.send(
      new CreateTableCommand({
        TableName,
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'N' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamEnabled: true, StreamViewType: viewType },
      }),
    );
    const streamArn = TableDescription?.LatestStreamArn ?? '';
    const before = Date.now();
    await dynamodb.send(new PutItemCommand({ TableName, Item: first }));
    await dynamodb.send(
      new UpdateItemCommand({
        TableName,
        Key: key,
        UpdateExpression: 'SET #s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': { S: 'shipped' } },
      }),
    );
    await dynamodb.send(new DeleteItemCommand({ TableName, Key: key }));

    const records = await readStream(streamArn);
    expect(records).toHaveLength(3);
    const decoder = changeEventDecoder({ item: Order, keys: OrderKey, viewType });

    for (const shape of ['Streams API', 'Lambda'] as const) {
      const input = shape === 'Lambda' ? records.map((r) => asLambdaRecord(r, streamArn)) : records;
      const { events, failures } = decoder.decodeBatch(input as _Record[], { streamArn });
      expect(failures, shape).toEqual([]);
      expect(events.map((e) => e.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);

      const withNew = viewType === 'NEW_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES';
      const withOld = viewType === 'OLD_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES';
      const images = events.map((e) => ({
        newImage: 'newImage' in e ? e.newImage : undefined,
        oldImage: 'oldImage' in e ? e.oldImage : undefined,
      }));
      expect(images).toEqual([
        { newImage: withNew ? firstItem : undefined, oldImage: undefined },
        { newImage: withNew ? shippedItem : undefined, oldImage: withOld ? firstItem : undefined },
        { newImage: undefined, oldImage: withOld ? shippedItem : undefined },
      ]);

      events.forEach((event, i) => {
        const record = records[i] as _Record;
        expect(event.eventId).toBe(record.eventID);
        expect(event.sequenceNumber).toBe(record.dynamodb?.SequenceNumber);
        expect(event.sizeBytes).toBe(record.dynamodb?.SizeBytes);
        expect(event.sizeBytes).toBeGreaterThan(0);
        expect(event.streamViewType).toBe(viewType);
        expect(event.keys).toEqual({ pk: 'order#1', sk: 7 });
        expect(event.itemKey).toBe(itemKeyOf(record.dynamodb?.Keys ?? {}));
        expect(event.streamArn).toBe(streamArn);
        expect(event.tableName).toBe(TableName);
        expect(event.region).toBe(record.awsRegion);
        // DynamoDB Local stamps records at minute precision.
        expect(event.approximateCreationTime.getTime()).toBeGreaterThan(before - 120_000);
        expect(event.approximateCreationTime.getTime()).toBeLessThanOrEqual(Date.now());
      });
      const removal = events[2];
      expect(removal?.eventName === 'REMOVE' && removal.removedBy).toBe('user');
      const sequence = events.map((e) => e.sequenceNumber as SequenceNumber);
      expect([...sequence].sort(compareSequenceNumbers)).toEqual(sequence);
      expect(new Set(events.map((e) => e.eventId)).size).toBe(3);
    }
  });
});

it('a record DynamoDB Local wrote fails to decode, naming it, when the item codec rejects it', async () => {
  const TableName = `core-decode-bad-${randomUUID()}`;
  const { TableDescription } = await dynamodb.send(
    new CreateTableCommand({
      TableName,
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'N' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
    }),
  );
  await dynamodb.send(new PutItemCommand({ TableName, Item: { ...key, status: { N: '3' } } }));
  const [record] = await readStream(TableDescription?.LatestStreamArn ?? '');
  const decoded = changeEventDecoder({ item: Order, viewType: 'NEW_IMAGE' }).decodeRecord(
    record as _Record,
  );
  expect(E.isLeft(decoded)).toBe(true);
  const message = E.isLeft(decoded) ? JSON.stringify(decoded.left) : '';
  expect(message).toContain(record?.eventID ?? 'missing');
  expect(message).toContain(record?.dynamodb?.SequenceNumber ?? 'missing');
  expect(message).toContain('status');
});
