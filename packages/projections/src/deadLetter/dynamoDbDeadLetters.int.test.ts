import { randomBytes } from 'node:crypto';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProjectionTables } from '../dynamodb/tables/createProjectionTables.js';
import { instantRetries, ownClients } from '../dynamodb/testSupport/dynamoDbHarness.js';
import { uniquePrefix } from '../dynamodb/testSupport/localDynamoDb.js';
import type { DeadLetter } from './deadLetter.js';
import { deadLetterTableSpec } from './deadLetterTableSpec.js';
import { dynamoDbDeadLetters } from './dynamoDbDeadLetters.js';

const { dynamodb, documentClient } = ownClients();
const tableName = uniquePrefix('dead-letters');
const now = new Date('2026-12-04T10:00:00.000Z');
const letters = dynamoDbDeadLetters({
  client: documentClient,
  tableName,
  retryPolicy: instantRetries,
  now: () => now,
});
const STREAM_ARN =
  'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders/stream/2024-01-01T00:00:00.000';

beforeAll(async () => {
  const created = await createProjectionTables(dynamodb, [deadLetterTableSpec(tableName)]);
  if (E.isLeft(created)) throw new Error(created.left.message);
});
afterAll(() => dynamodb.destroy());

const record = (eventID: string, note: string) => ({
  eventID,
  eventName: 'INSERT',
  eventVersion: '1.1',
  eventSource: 'aws:dynamodb',
  awsRegion: 'eu-west-1',
  eventSourceARN: STREAM_ARN,
  dynamodb: {
    ApproximateCreationDateTime: 1_700_000_000,
    Keys: { id: { S: eventID } },
    NewImage: { id: { S: eventID }, quantity: { S: 'abc' }, note: { S: note } },
    OldImage: { id: { S: eventID }, note: { S: note } },
    SequenceNumber: '100000000000000000001',
    SizeBytes: 10,
    StreamViewType: 'NEW_AND_OLD_IMAGES',
  },
});

const letter = (eventId: string | undefined, note = 'n', projection = 'history'): DeadLetter => ({
  projection,
  eventId,
  sequenceNumber: '100000000000000000001',
  reason: {
    _tag: 'CodecRejected',
    message: 'NewImage.quantity: expected number, got "abc"',
    path: ['dynamodb', 'NewImage', 'quantity'],
  } as DeadLetter['reason'],
  blocked: false,
  record: record(eventId ?? 'none', note),
  shardId: 'shardId-000001',
});

const readAll = async (projection: string) => {
  const page = await letters.read(projection);
  if (E.isLeft(page)) throw new Error(page.left.message);
  return page.right.letters;
};

describe('dynamoDbDeadLetters', () => {
  it('keeps one letter per (projection, eventID) with its reason, path, position, source table, time and record', async () => {
    const sent = letter('e-1');
    expect(await letters.send([sent])).toEqual(E.right(undefined));
    // The batch is redelivered later: the first letter stays, with its time.
    const later = dynamoDbDeadLetters({ client: documentClient, tableName, now: () => new Date() });
    expect(await later.send([sent, letter('e-1', 'n', 'totals')])).toEqual(E.right(undefined));
    expect(await readAll('history')).toEqual([
      {
        projection: 'history',
        letterId: 'e-1',
        eventId: 'e-1',
        sequenceNumber: '100000000000000000001',
        shardId: 'shardId-000001',
        streamArn: STREAM_ARN,
        sourceTable: 'Orders',
        reason: { _tag: 'CodecRejected', message: 'NewImage.quantity: expected number, got "abc"' },
        fieldPath: 'dynamodb.NewImage.quantity',
        blocked: false,
        deadLetteredAt: now.toISOString(),
        record: sent.record,
        imagesOmitted: false,
      },
    ]);
    expect((await readAll('totals')).map((l) => l.letterId)).toEqual(['e-1']);
  });

  it('keys a letter without an eventID by a hash of its record, so it is not duplicated either', async () => {
    const projection = uniquePrefix('no-id');
    const anonymous = letter(undefined, 'x', projection);
    await letters.send([anonymous]);
    await letters.send([anonymous]);
    const stored = await readAll(projection);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.letterId).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('keeps a record with 390 KB in both images: compressed when it compresses, keys and position when not', async () => {
    const projection = uniquePrefix('large');
    const compressible = letter('big-1', 'a'.repeat(390_000), projection);
    const incompressible = letter('big-2', randomBytes(292_500).toString('base64'), projection);
    expect(JSON.stringify(incompressible.record).length).toBeGreaterThan(780_000);
    expect(await letters.send([compressible, incompressible])).toEqual(E.right(undefined));
    const [first, second] = await readAll(projection);
    expect(first).toMatchObject({ letterId: 'big-1', imagesOmitted: false });
    expect(first!.record).toEqual(compressible.record);
    expect(second).toMatchObject({ letterId: 'big-2', imagesOmitted: true });
    const delivered = incompressible.record as ReturnType<typeof record>;
    const { NewImage: _n, OldImage: _o, ...position } = delivered.dynamodb;
    expect(second!.record).toEqual({ ...delivered, dynamodb: position });
    const raw = await dynamodb.send(
      new GetItemCommand({
        TableName: tableName,
        Key: { projection: { S: projection }, letterId: { S: 'big-2' } },
      }),
    );
    expect(raw.Item?.record?.B).toBeInstanceOf(Uint8Array);
  });

  it('reads letters page by page and removes them', async () => {
    const projection = uniquePrefix('pages');
    await letters.send(['a', 'b', 'c'].map((id) => letter(id, 'n', projection)));
    const first = await letters.read(projection, undefined, 2);
    expect(E.isRight(first) && first.right.letters.map((l) => l.letterId)).toEqual(['a', 'b']);
    const next = E.isRight(first) ? first.right.next : undefined;
    const second = await letters.read(projection, next, 2);
    expect(E.isRight(second) && second.right.letters.map((l) => l.letterId)).toEqual(['c']);
    await letters.remove([
      { projection, letterId: 'a' },
      { projection, letterId: 'c' },
      { projection, letterId: 'missing' },
    ]);
    expect((await readAll(projection)).map((l) => l.letterId)).toEqual(['b']);
  });

  it('returns a typed error when the table is missing', async () => {
    const missing = dynamoDbDeadLetters({
      client: documentClient,
      tableName: 'nope',
      retryPolicy: instantRetries,
    });
    expect(await missing.send([letter('x')])).toMatchObject(
      E.left({ _tag: 'DynamoDbRequestFailed', operation: 'PutItem', tableName: 'nope' }),
    );
  });
});
