import { orderEffectsTable, ordersTable, shippedEmails } from '@sluice/example-orders';
import { todoListTaskTable, todoReplicaProjection, todoReplicaTable } from '@sluice/example-todo';
import {
  InMemoryDeadLetters,
  InMemoryProjectionStore,
  lookup,
  type Projection,
  type Row,
} from '@sluice/projections';
import { createProjectionTables } from '@sluice/projections/dynamodb';
import { dynamoDbIdempotencyStore, effectsHandler } from '@sluice/projections/effects';
import { lambdaHandler } from '@sluice/projections/lambda';
import {
  deliverStream,
  InMemoryTable,
  InProcessDynamoDB,
  ManualClock,
  type PlainItem,
  type SeededRandom,
  seededRandom,
} from '@sluice/testing';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

/** What the replica, lookup and notification scene found. */
export interface SeedUseCasesScene {
  readonly tasks: number;
  readonly replicaRows: number;
  readonly replicaEqualsSource: boolean;
  readonly users: number;
  readonly lookupRows: number;
  readonly contested: number;
  readonly lookupEqualsRecomputation: boolean;
  readonly emailsExpected: number;
  /** Distinct e-mails sent (each line shipping is one). */
  readonly emailsSent: number;
  /** Sends in all, retries of failed mailer calls excluded: equal to `emailsSent` when none repeated. */
  readonly sends: number;
}

// Lambda's faults, every kind at once: what the scene's three consumers live through.
const faults = (seed: number) => ({
  seed,
  duplicateBatch: 0.5,
  loseResponse: 0.5,
  regroupRetries: 0.5,
  interleaveShards: true,
});
const MAPPING = {
  BatchSize: 3,
  BisectBatchOnFunctionError: true,
  MaximumRetryAttempts: -1,
  FunctionResponseTypes: ['ReportBatchItemFailures'] as ['ReportBatchItemFailures'],
};

const User = t.type({ userId: t.string, email: t.string });
const usersByEmail = lookup({
  name: 'usersByEmail',
  table: 'usersByEmail',
  tombstones: 'usersByEmailTombstones',
  item: User,
  viewType: 'NEW_AND_OLD_IMAGES',
  valueAttribute: 'email',
  value: (user) => user.email,
});

const canonical = (rows: readonly Row[]) =>
  rows.map((row) => JSON.stringify(Object.entries(row).sort())).sort();

const withoutBookkeeping = (row: Row) =>
  Object.fromEntries(Object.entries(row).filter(([name]) => !name.startsWith('sluice')));

const project = async (table: InMemoryTable, projection: Projection, seed: number) => {
  const store = new InMemoryProjectionStore();
  const handler = lambdaHandler({
    projections: [projection],
    store,
    deadLetters: new InMemoryDeadLetters(),
  });
  await deliverStream({ source: table, handler, options: MAPPING, faults: faults(seed) });
  return store;
};

const table = (spec: typeof todoListTaskTable, clock: ManualClock) =>
  new InMemoryTable({ ...spec, clock, stream: { partitionCount: 4 } });

/** Tasks created, edited, moved between lists and deleted; the replica must end as the table. */
const replicaPart = async (random: SeededRandom, size: number, seed: number) => {
  const tasks = table(todoListTaskTable, new ManualClock());
  for (let i = 0; i < size; i++) {
    const key = {
      ListId: random.pick(['home', 'work', 'garden']),
      TaskId: `t${random.int(0, size / 2)}`,
    };
    if (random.chance(0.2)) tasks.delete(key);
    else tasks.put({ ...key, description: `task ${i}`, created: '2024-01-01T09:00:00Z' });
  }
  const store = await project(tasks, todoReplicaProjection, seed);
  const source = tasks.scan().items as PlainItem[];
  const replica = (await store.scan(todoReplicaTable.tableName)).map(withoutBookkeeping);
  return {
    tasks: source.length,
    replicaRows: replica.length,
    replicaEqualsSource: JSON.stringify(canonical(replica)) === JSON.stringify(canonical(source)),
  };
};

/** Users changing e-mail addresses (some shared): the lookup must hold each user's current one. */
const lookupPart = async (random: SeededRandom, size: number, seed: number) => {
  const users = new InMemoryTable({
    tableName: 'users',
    partitionKey: { name: 'userId', type: 'S' },
    streamViewType: 'NEW_AND_OLD_IMAGES',
    clock: new ManualClock(),
    stream: { partitionCount: 4 },
  });
  for (let i = 0; i < size; i++) {
    const userId = `u${random.int(0, size / 3)}`;
    if (random.chance(0.15)) users.delete({ userId });
    else users.put({ userId, email: `e${random.int(0, size / 2)}@example.com` });
  }
  const store = await project(users, usersByEmail, seed);
  const holders = users.scan().items as PlainItem[];
  const expected = holders.map((user) => ({ email: user.email, owner: { userId: user.userId } }));
  const rows = (await store.scan('usersByEmail')).map((row) => ({
    email: row.email,
    owner: row.owner,
  }));
  const perEmail = new Map<unknown, number>();
  for (const row of rows) perEmail.set(row.email, (perEmail.get(row.email) ?? 0) + 1);
  return {
    users: holders.length,
    lookupRows: rows.length,
    contested: [...perEmail.values()].filter((n) => n > 1).length,
    lookupEqualsRecomputation:
      JSON.stringify(canonical(rows)) === JSON.stringify(canonical(expected)),
  };
};

/** Order lines shipping (some reopened and shipped again): one e-mail per shipping, no more. */
const notificationPart = async (random: SeededRandom, size: number, seed: number) => {
  const orders = table(ordersTable, new ManualClock());
  const status = new Map<string, string>();
  let emailsExpected = 0;
  for (let i = 0; i < size; i++) {
    const orderId = `o${random.int(0, size / 6)}`;
    const lineId = `l${random.int(0, 2)}`;
    const next = random.pick(['open', 'shipped', 'shipped', 'cancelled']);
    const before = status.get(`${orderId}/${lineId}`);
    if (next === before) continue;
    if (next === 'shipped') emailsExpected++;
    status.set(`${orderId}/${lineId}`, next);
    orders.put({ orderId, lineId, quantity: 1, unitPrice: 100, status: next });
  }
  const dynamodb = new InProcessDynamoDB();
  const created = await createProjectionTables(dynamodb.client(), [orderEffectsTable]);
  if (E.isLeft(created)) throw new Error(created.left.message);
  const sent: string[] = [];
  let calls = 0;
  const handler = effectsHandler({
    effects: shippedEmails,
    idempotency: dynamoDbIdempotencyStore({
      client: dynamodb.documentClient(),
      tableName: orderEffectsTable.tableName,
    }),
    perform: async (email) => {
      calls++;
      if (calls % 4 === 0) throw new Error('mailer unavailable');
      sent.push(email.idempotencyKey);
    },
  });
  await deliverStream({ source: orders, handler, options: MAPPING, faults: faults(seed) });
  return { emailsExpected, emailsSent: new Set(sent).size, sends: sent.length };
};

/**
 * The seed use cases beyond the three built-in tables: the todo table replicated, an
 * e-mail → user lookup, and shipping e-mails sent once, each through faulty deliveries.
 */
export const seedUseCasesScene = async (seed: number, size = 60): Promise<SeedUseCasesScene> => {
  const random = seededRandom(seed ^ 0x5eed);
  return {
    ...(await replicaPart(random, size, seed)),
    ...(await lookupPart(random, size, seed)),
    ...(await notificationPart(random, size, seed)),
  };
};
