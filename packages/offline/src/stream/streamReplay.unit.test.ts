import { ManualClock } from '@sluice/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttributeMap, AttributeValue } from '../item/attributeMap.js';
import { attributesEqual } from '../table/attributesEqual.js';
import { InMemoryTable } from '../table/inMemoryTable.js';
import type { UpdateActions } from '../table/updateActions.js';
import type { WriteCondition } from '../table/writeCondition.js';
import type { TransactWriteAction } from '../table/writeRequests.js';
import type { InMemoryStream } from './inMemoryStream.js';
import type { InMemoryStreamRecord } from './streamRecord.js';

const START = Date.UTC(2024, 0, 1);
const START_SECONDS = START / 1000;

// A small key space, and values that include non-canonical spellings of equal numbers and sets,
// so that many writes are no-ops only semantic comparison can recognize.
const keyArb = fc.record({
  pk: fc.constantFrom('a', 'b', 'c').map((S): AttributeValue => ({ S })),
  sk: fc.constantFrom('1', '2', '2.0').map((N): AttributeValue => ({ N })),
});
const numberArb = fc
  .constantFrom('0', '1', '1.0', '10e-1', '2', '-0', '0.5')
  .map((N): AttributeValue => ({ N }));
const valueArb: fc.Arbitrary<AttributeValue> = fc.oneof(
  numberArb,
  fc.constantFrom('x', 'y', '').map((S): AttributeValue => ({ S })),
  fc
    .constantFrom(['p'], ['q'], ['p', 'q'], ['q', 'p'])
    .map((SS): AttributeValue => ({ SS: [...SS] })),
  fc.constant<AttributeValue>({ M: { inner: { L: [{ BOOL: true }, { NULL: true }] } } }),
);
const ttlArb = fc
  .constantFrom(-60, 0, 120, 1200, 7200)
  .map((offset): AttributeValue => ({ N: String(START_SECONDS + offset) }));
const itemArb = fc
  .tuple(
    keyArb,
    fc.option(valueArb, { nil: undefined }),
    fc.option(valueArb, { nil: undefined }),
    fc.option(ttlArb, { nil: undefined }),
  )
  .map(
    ([key, a, b, ttl]): AttributeMap => ({
      ...key,
      ...(a ? { a } : {}),
      ...(b ? { b } : {}),
      ...(ttl ? { ttl } : {}),
    }),
  );
const conditionArb: fc.Arbitrary<WriteCondition | undefined> = fc.option(
  fc.oneof(
    fc.constant<WriteCondition>({ type: 'itemExists' }),
    fc.constant<WriteCondition>({ type: 'itemNotExists' }),
    valueArb.map((a): WriteCondition => ({ type: 'attributesEqual', attributes: { a } })),
  ),
  { nil: undefined },
);
const actionsArb: fc.Arbitrary<UpdateActions> = fc.record(
  {
    set: fc.dictionary(fc.constantFrom('a', 'b'), valueArb, { maxKeys: 1 }),
    remove: fc.constantFrom(['b'], ['ttl'], ['missing']),
    add: fc.oneof(
      numberArb.map((n) => ({ count: n })),
      fc.constant({ tags: { SS: ['p'] } as AttributeValue }),
    ),
    delete: fc.constant({ tags: { SS: ['p', 'z'] } as AttributeValue }),
  },
  { requiredKeys: [] },
);

type Step =
  | {
      readonly kind: 'put';
      readonly item: AttributeMap;
      readonly condition: WriteCondition | undefined;
    }
  | {
      readonly kind: 'update';
      readonly key: AttributeMap;
      readonly actions: UpdateActions;
      readonly condition: WriteCondition | undefined;
    }
  | { readonly kind: 'increment'; readonly key: AttributeMap }
  | {
      readonly kind: 'delete';
      readonly key: AttributeMap;
      readonly condition: WriteCondition | undefined;
    }
  | { readonly kind: 'batch'; readonly items: AttributeMap[]; readonly deletes: number }
  | { readonly kind: 'transact'; readonly actions: TransactWriteAction[] }
  | { readonly kind: 'sweep' }
  | { readonly kind: 'advance'; readonly ms: number }
  | { readonly kind: 'rollover' }
  | { readonly kind: 'split'; readonly which: number };

const transactActionArb: fc.Arbitrary<TransactWriteAction> = fc.oneof(
  fc.tuple(itemArb, conditionArb).map(
    ([item, condition]): TransactWriteAction => ({
      type: 'put',
      item,
      ...(condition ? { condition } : {}),
    }),
  ),
  fc
    .tuple(keyArb, actionsArb)
    .map(([key, update]): TransactWriteAction => ({ type: 'update', key, update })),
  fc.tuple(keyArb, conditionArb).map(
    ([key, condition]): TransactWriteAction => ({
      type: 'delete',
      key,
      ...(condition ? { condition } : {}),
    }),
  ),
  fc.tuple(keyArb, conditionArb).map(
    ([key, condition]): TransactWriteAction => ({
      type: 'conditionCheck',
      key,
      condition: condition ?? { type: 'itemExists' },
    }),
  ),
);

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(itemArb, conditionArb)
      .map(([item, condition]): Step => ({ kind: 'put', item, condition })),
  },
  {
    weight: 4,
    arbitrary: fc
      .tuple(keyArb, actionsArb, conditionArb)
      .map(([key, actions, condition]): Step => ({ kind: 'update', key, actions, condition })),
  },
  { weight: 1, arbitrary: keyArb.map((key): Step => ({ kind: 'increment', key })) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(keyArb, conditionArb)
      .map(([key, condition]): Step => ({ kind: 'delete', key, condition })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.array(itemArb, { minLength: 1, maxLength: 4 }), fc.nat(2))
      .map(([items, deletes]): Step => ({ kind: 'batch', items, deletes })),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(transactActionArb, { minLength: 1, maxLength: 4 })
      .map((actions): Step => ({ kind: 'transact', actions })),
  },
  { weight: 1, arbitrary: fc.constant<Step>({ kind: 'sweep' }) },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 1, max: 10 * 60_000 })
      .map((ms): Step => ({ kind: 'advance', ms })),
  },
  { weight: 1, arbitrary: fc.constant<Step>({ kind: 'rollover' }) },
  { weight: 1, arbitrary: fc.nat(3).map((which): Step => ({ kind: 'split', which })) },
);

const keyOf = (keys: AttributeMap): string => `${keys.pk?.S}/${Number(keys.sk?.N)}`;

const apply = (table: InMemoryTable, step: Step): void => {
  const opts = (condition: WriteCondition | undefined) => (condition ? { condition } : {});
  switch (step.kind) {
    case 'put':
      table.putItem(step.item, opts(step.condition));
      return;
    case 'update':
      table.updateItem(step.key, step.actions, opts(step.condition));
      return;
    case 'increment':
      table.updateItem(step.key, (current) => ({
        ...current,
        n: { N: String(Number(current?.n?.N ?? 0) + 1) },
      }));
      return;
    case 'delete':
      table.deleteItem(step.key, opts(step.condition));
      return;
    case 'batch':
      table.batchWriteItems(
        step.items.map((item, i) =>
          i < step.deletes
            ? {
                type: 'delete',
                key: { pk: item.pk as AttributeValue, sk: item.sk as AttributeValue },
              }
            : { type: 'put', item },
        ),
      );
      return;
    case 'transact':
      table.transactWriteItems(step.actions);
      return;
    case 'sweep':
      table.sweepTtl();
      return;
    case 'advance':
      (table.clock as ManualClock).advance(step.ms);
      return;
    case 'rollover':
      table.stream.rollover();
      return;
    case 'split': {
      const open = table.stream.openShardIds();
      table.stream.split(open[step.which % open.length] as string);
      return;
    }
  }
};

/** Reads every shard through the Streams API, parents before children, as a consumer must. */
const replayOrder = (stream: InMemoryStream): InMemoryStreamRecord[] => {
  const shards = stream.describeStream().StreamDescription.Shards ?? [];
  const done = new Set<string>();
  const out: InMemoryStreamRecord[] = [];
  while (done.size < shards.length) {
    for (const shard of shards) {
      const id = shard.ShardId as string;
      const parent = shard.ParentShardId;
      if (done.has(id) || (parent !== undefined && !done.has(parent))) continue;
      let iterator = stream.getShardIterator({
        StreamArn: stream.streamArn,
        ShardId: id,
        ShardIteratorType: 'TRIM_HORIZON',
      }).ShardIterator as string | undefined;
      while (iterator) {
        const page = stream.getRecords({ ShardIterator: iterator, Limit: 3 });
        out.push(...page.Records);
        if (page.Records.length === 0) break;
        iterator = page.NextShardIterator;
      }
      done.add(id);
    }
  }
  return out;
};

const snapshot = (table: InMemoryTable) =>
  new Map(table.scanAllItems().map((item) => [keyOf(item), item]));

describe('the in-memory stream against its table', () => {
  it('replaying the NEW_AND_OLD_IMAGES stream onto an empty map reproduces the table, per-key sequence numbers increase, and only changing writes emit records', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(stepArb, { minLength: 1, maxLength: 40 }),
        (partitionCount, steps) => {
          const table = new InMemoryTable({
            tableName: 'replay',
            partitionKey: { name: 'pk', type: 'S' },
            sortKey: { name: 'sk', type: 'N' },
            streamViewType: 'NEW_AND_OLD_IMAGES',
            timeToLiveAttribute: 'ttl',
            stream: { partitionCount },
            clock: new ManualClock(START),
          });
          for (const step of steps) {
            const before = snapshot(table);
            const recordsBefore = table.stream.records().length;
            try {
              apply(table, step);
            } catch (error) {
              expect([
                'ConditionalCheckFailedException',
                'TransactionCanceledException',
                'ValidationException',
              ]).toContain((error as Error).name);
            }
            const after = snapshot(table);
            const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => {
              const x = before.get(k);
              const y = after.get(k);
              return x === undefined || y === undefined ? x !== y : !attributesEqual(x, y);
            });
            const emitted = table.stream
              .records()
              .slice(recordsBefore)
              .map((r) => keyOf(r.dynamodb.Keys));
            expect(emitted.sort()).toEqual(changed.sort());
          }

          const replayed = new Map<string, AttributeMap>();
          const lastSequence = new Map<string, bigint>();
          for (const record of replayOrder(table.stream)) {
            const key = keyOf(record.dynamodb.Keys);
            const sequence = BigInt(record.dynamodb.SequenceNumber);
            expect(sequence).toBeGreaterThan(lastSequence.get(key) ?? -1n);
            lastSequence.set(key, sequence);
            if (record.eventName === 'REMOVE') {
              expect(replayed.get(key)).toEqual(record.dynamodb.OldImage);
              replayed.delete(key);
            } else {
              if (record.eventName === 'MODIFY')
                expect(replayed.get(key)).toEqual(record.dynamodb.OldImage);
              else expect(replayed.has(key)).toBe(false);
              replayed.set(key, record.dynamodb.NewImage as AttributeMap);
            }
          }
          expect(replayed).toEqual(snapshot(table));
        },
      ),
      { numRuns: 200 },
    );
  });
});
