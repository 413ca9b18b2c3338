import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  deliver,
  deliveryArbitrary,
  toyHistoryArbitrary,
} from '../../contract/testSupport/toySource.js';
import { InMemoryProjectionStore } from '../../memory/inMemoryProjectionStore.js';
import { planBatch } from '../../projection/planBatch.js';
import type { HasDynamoDbMiddleware } from '../cost/requestCounter.js';
import { ownClients } from '../testSupport/dynamoDbHarness.js';
import { injectFaults, type RequestFault } from '../testSupport/injectFaults.js';
import { dynamoDbProjectionStore } from './dynamoDbProjectionStore.js';
import {
  amountsOf,
  applyLines,
  cleanPassStore,
  lineEvents,
  lineHistoryArbitrary,
  orderTotals,
  orderTotalsOnLocal,
  REPLAY_SAFE_SPACING,
  totalsOf,
} from './testSupport/orderLines.js';

const open: Array<{ destroy: () => void }> = [];
afterEach(() => {
  for (const client of open.splice(0)) client.destroy();
});

const local = async () => {
  const made = await orderTotalsOnLocal();
  open.push(made.dynamodb);
  return made;
};

describe('keyed aggregate on DynamoDB under faults and concurrent writers', () => {
  it('a crash, lost response, throttle or unprocessed read at any request, then a retry of the batch, leaves the tables of a clean pass', async () => {
    await fc.assert(
      fc.asyncProperty(
        lineHistoryArbitrary,
        deliveryArbitrary,
        fc.nat(30),
        fc.constantFrom<RequestFault>(
          { kind: 'failBeforeSending' },
          { kind: 'loseResponse' },
          // Transient: retried inside the store, the batch goes through.
          { kind: 'throttle' },
          { kind: 'unprocessed', keep: 0 },
        ),
        async (changes, schedule, at, fault) => {
          const events = lineEvents(changes, REPLAY_SAFE_SPACING);
          const { store, documentClient } = await local();
          const injector = injectFaults(documentClient, ({ index }) =>
            index === at ? fault : undefined,
          );
          const memory = new InMemoryProjectionStore();
          for (const batch of deliver(changes, schedule)) {
            const delivered = batch.map((change) => events.get(change)!);
            const result = await store.apply(planBatch(orderTotals, delivered)).catch(() => null);
            // A failure lists what is unconfirmed; redelivering the whole batch is always safe.
            if (result === null || E.isLeft(result)) {
              expect(['failBeforeSending', 'loseResponse']).toContain(fault.kind);
              await applyLines(store, delivered);
            }
            await applyLines(memory, delivered);
          }
          injector.detach();
          expect(await totalsOf(store)).toEqual(await totalsOf(memory));
          const clean = await cleanPassStore([...events.values()]);
          expect(await amountsOf(store)).toEqual(await amountsOf(clean));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a zombie and the new owner applying overlapping batches at once count every change once', async () => {
    let contended = 0;
    const retryPolicy = { sleep: async () => void contended++, random: () => 0.5 };
    await fc.assert(
      fc.asyncProperty(
        toyHistoryArbitrary({ items: 6, lists: 1, maxLength: 30 }),
        fc.array(fc.nat(100), { minLength: 3, maxLength: 3 }),
        async (changes, cuts) => {
          const events = [...lineEvents(changes, 60).values()];
          const [zombieFrom, checkpoint, zombieTo] = cuts
            .sort((x, y) => x - y)
            .map((n) => Math.floor((n * events.length) / 100)) as [number, number, number];
          const { store, documentClient, tableName } = await local();
          // Everything before the checkpoint is applied: the stream hands the owner what follows.
          if (checkpoint > 0) await applyLines(store, events.slice(0, checkpoint));
          const owner = ownClients();
          open.push(owner.dynamodb);
          const stores = [documentClient, owner.documentClient].map((client) =>
            dynamoDbProjectionStore({ client, tableName, retryPolicy }),
          );
          // Each store's first update waits until the other has read too: both plan on the same rows.
          const arrive = barrier(2);
          holdFirstUpdate(documentClient, arrive);
          holdFirstUpdate(owner.documentClient, arrive);
          await Promise.all([
            applyLines(stores[0]!, events.slice(zombieFrom, zombieTo + 1)),
            applyLines(stores[1]!, events.slice(checkpoint)),
          ]);
          expect(await totalsOf(store)).toEqual(await totalsOf(await cleanPassStore(events)));
        },
      ),
      { numRuns: 15 },
    );
    // The moved-marker path ran: updates were refused and their rows read and planned again.
    expect(contended).toBeGreaterThan(0);
  });
});

// Resolves for everyone once `parties` have arrived (or after a second, so a test never hangs).
const barrier = (parties: number) => {
  let arrived = 0;
  let release = () => {};
  const all = new Promise<void>((resolve) => {
    release = resolve;
  });
  return (): Promise<void> => {
    arrived += 1;
    if (arrived >= parties) release();
    return Promise.race([all, new Promise<void>((resolve) => setTimeout(resolve, 1000))]);
  };
};

let holds = 0;

// Holds the client's first UpdateItem until `arrive()` resolves.
const holdFirstUpdate = (client: HasDynamoDbMiddleware, arrive: () => Promise<void>) => {
  let held = false;
  const middleware =
    (next: (args: unknown) => Promise<unknown>, context: { readonly commandName?: string }) =>
    async (args: unknown) => {
      if (!held && context.commandName === 'UpdateItemCommand') {
        held = true;
        await arrive();
      }
      return next(args);
    };
  client.middlewareStack.add(middleware as never, {
    step: 'initialize',
    name: `holdFirstUpdate${++holds}`,
  });
};
