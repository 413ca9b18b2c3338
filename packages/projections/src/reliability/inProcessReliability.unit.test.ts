import { DeleteItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { InProcessDynamoDB, readDynamoDBLocalStream } from '@sluice/offline';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { deadLetterTableSpec } from '../deadLetter/deadLetterTableSpec.js';
import { dynamoDbDeadLetters } from '../deadLetter/dynamoDbDeadLetters.js';
import { InMemoryDeadLetterTable } from '../deadLetter/inMemoryDeadLetterTable.js';
import { UNREADABLE } from '../deadLetter/storedLetter.js';
import { dynamoDbProjectionStore } from '../dynamodb/store/dynamoDbProjectionStore.js';
import { createProjectionTables } from '../dynamodb/tables/createProjectionTables.js';
import { injectFaults, type RequestFault } from '../dynamodb/testSupport/injectFaults.js';
import { projectionProcessor } from '../poller/projectionPoller.js';
import {
  createTaskProjectionTables,
  createTaskTable,
  seeded,
  taskStore,
  userTables,
} from '../poller/testSupport/taskTables.js';
import { taskProjections } from '../testSupport/taskHistory.js';

type Write = {
  id: number;
  list: number;
  points: number;
  kind: 'put' | 'delete' | 'poison' | 'huge';
};
const writes = fc.array(
  fc.record({
    id: fc.nat(8),
    list: fc.nat(3),
    points: fc.nat(5),
    kind: fc.constantFrom<Write['kind']>('put', 'put', 'put', 'delete', 'poison', 'huge'),
  }),
  { minLength: 1, maxLength: 30 },
);
const FAULTS: readonly RequestFault[] = [
  { kind: 'throttle' },
  { kind: 'unprocessed', keep: 1 },
  { kind: 'conflict' },
  { kind: 'failBeforeSending' },
  { kind: 'loseResponse' },
];
const HUGE = 'n'.repeat(390_000);

// Huge items are written twice, so the second record carries two 390 KB images.
const write = async (
  send: (c: PutItemCommand | DeleteItemCommand) => Promise<unknown>,
  table: string,
  w: Write,
) => {
  const Key = { id: { S: `t${w.id}` } };
  if (w.kind === 'delete') return send(new DeleteItemCommand({ TableName: table, Key }));
  const item = { ...Key, list: { S: `l${w.list}` }, title: { S: `p${w.points}` } };
  if (w.kind === 'poison')
    return send(new PutItemCommand({ TableName: table, Item: { ...item, points: { S: 'lots' } } }));
  const points = { N: String(w.points) };
  if (w.kind === 'huge') {
    await send(
      new PutItemCommand({ TableName: table, Item: { ...item, points, note: { S: HUGE } } }),
    );
    return send(
      new PutItemCommand({
        TableName: table,
        Item: { ...item, points, note: { S: HUGE }, title: { S: 'again' } },
      }),
    );
  }
  return send(new PutItemCommand({ TableName: table, Item: { ...item, points } }));
};

const lettersOf = async (letters: ReturnType<typeof dynamoDbDeadLetters>) => {
  const all: string[] = [];
  for (const name of ['taskHistory', 'listTotals', 'taskArchive', UNREADABLE]) {
    const page = await letters.read(name, undefined, 1000);
    if (E.isLeft(page)) throw new Error(page.left.message);
    all.push(...page.right.letters.map((l) => `${l.projection} ${l.eventId} ${l.reason._tag}`));
  }
  return all.sort();
};

describe('reliability on the in-process DynamoDB', () => {
  it('throttling, unprocessed items, cancelled transactions and crashes at the client, poison records and writes refused for good: the tables equal a clean pass, every poison record is dead-lettered exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(
        writes,
        fc.nat(),
        fc.integer({ min: 1, max: 7 }),
        async (steps, seed, size) => {
          const db = new InProcessDynamoDB();
          const client = db.client();
          const streamArn = await createTaskTable(client, 'tasks');
          for (const step of steps)
            await write((c) => client.send(c as PutItemCommand), 'tasks', step);
          const records = await readDynamoDBLocalStream(db.streamsClient(), streamArn);
          await createTaskProjectionTables(client, 'faulty-');
          await createTaskProjectionTables(client, 'clean-');
          const created = await createProjectionTables(client, [deadLetterTableSpec('letters')]);
          if (E.isLeft(created)) throw new Error(created.left.message);

          const random = seeded(seed);
          const faulty = DynamoDBDocumentClient.from(db.client());
          injectFaults(faulty, () =>
            random() < 0.15 ? FAULTS[Math.floor(random() * FAULTS.length)] : undefined,
          );
          const quick = { sleep: async () => {}, maxAttempts: 20 };
          const letters = dynamoDbDeadLetters({
            client: faulty,
            tableName: 'letters',
            retryPolicy: quick,
          });
          const processor = projectionProcessor({
            projections: taskProjections(),
            store: dynamoDbProjectionStore({
              client: faulty,
              tableName: (t) => `faulty-${t}`,
              retryPolicy: quick,
            }),
            deadLetters: letters,
          });
          // Lambda-like: a failed batch is delivered again from its first unprocessed record.
          for (let at = 0, rounds = 0; at < records.length; rounds++) {
            if (rounds > 500) throw new Error('no progress');
            const outcome = await processor(records.slice(at, at + size), {
              streamArn,
              shardId: 's',
            });
            at += outcome.processed;
          }

          const cleanLetters = new InMemoryDeadLetterTable();
          const clean = projectionProcessor({
            projections: taskProjections(),
            store: taskStore(client, 'clean-'),
            deadLetters: cleanLetters,
          });
          expect((await clean(records, { streamArn, shardId: 's' })).failure).toBeUndefined();
          expect(await userTables(taskStore(client, 'faulty-'))).toEqual(
            await userTables(taskStore(client, 'clean-')),
          );
          expect(
            await lettersOf(
              dynamoDbDeadLetters({
                client: DynamoDBDocumentClient.from(client),
                tableName: 'letters',
              }),
            ),
          ).toEqual(
            cleanLetters
              .letters()
              .map((l) => `${l.projection} ${l.eventId} ${l.reason._tag}`)
              .sort(),
          );
          client.destroy();
        },
      ),
      { numRuns: 20 },
    );
  }, 240_000);
});
