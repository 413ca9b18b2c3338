import { aggregate, archive, defineProjection, orderHistory } from '@sluice/projections';
import fc from 'fast-check';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import type { DeliveryPlan } from './deliveryPlan.js';
import { given } from './given.js';
import type { TableWrite } from './tableWrite.js';

const Task = t.type({ id: t.string, listId: t.string, points: t.number });
const START_S = Date.UTC(2024, 0, 1) / 1000;

const projections = [
  orderHistory({
    name: 'orderHistory',
    table: 'history',
    item: Task,
    viewType: 'NEW_AND_OLD_IMAGES',
    entityId: (e) => String(e.keys.id),
  }),
  aggregate({
    name: 'aggregate',
    table: 'totals',
    markerTable: 'markers',
    item: Task,
    viewType: 'NEW_IMAGE',
    group: (task) => ({ listId: task.listId }),
    amounts: (task) => ({ count: 1, points: task.points }),
  }),
  archive({
    name: 'archive',
    table: 'archive',
    item: Task,
    viewType: 'OLD_IMAGE',
  }),
  // A projection of a user's own: the newest points per list, by sequence number.
  defineProjection({
    name: 'lastPoints',
    version: 1,
    item: Task,
    viewType: 'NEW_IMAGE',
    plan: (event) =>
      event.eventName === 'REMOVE'
        ? []
        : [
            {
              _tag: 'PutIfNewer',
              table: 'lastPoints',
              key: { id: event.newImage.id },
              row: {
                id: event.newImage.id,
                points: event.newImage.points,
                version: event.sequenceNumber,
              },
              versionAttribute: 'version',
            },
          ],
  }),
];

const id = fc.nat(5).map((n) => `t${n}`);
const list = fc.constantFrom('a', 'b', 'c');
const write: fc.Arbitrary<TableWrite> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      put: fc.record(
        {
          id,
          listId: list,
          points: fc.nat(9),
          expiresAt: fc.integer({ min: 60, max: 3600 }).map((s) => START_S + s),
        },
        { requiredKeys: ['id', 'listId', 'points'] },
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      update: fc.record({ id }),
      with: fc.record({ set: fc.record({ listId: list }) }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ delete: fc.record({ id }) }) },
  {
    weight: 1,
    arbitrary: fc.record({ advanceClockMs: fc.integer({ min: 1000, max: 10 * 60_000 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ sweepTtl: true } as const) },
);

const deliveries: fc.Arbitrary<DeliveryPlan> = fc.record({
  mapping: fc.record({
    BatchSize: fc.integer({ min: 1, max: 6 }),
    BisectBatchOnFunctionError: fc.boolean(),
    ParallelizationFactor: fc.integer({ min: 1, max: 3 }),
  }),
  faults: fc.record({
    seed: fc.nat(),
    duplicateBatch: fc.double({ min: 0, max: 0.5, noNaN: true }),
    loseResponse: fc.double({ min: 0, max: 0.5, noNaN: true }),
    regroupRetries: fc.double({ min: 0, max: 0.5, noNaN: true }),
    interleaveShards: fc.boolean(),
    concurrentBatches: fc.integer({ min: 1, max: 3 }),
  }),
  storeFaults: fc.double({ min: 0, max: 0.5, noNaN: true }),
});

describe('thenEqualsCleanPass', () => {
  it('for any writes and any seeded fault schedule, the tables equal a clean pass', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(write, { maxLength: 30 }),
        fc.integer({ min: 1, max: 4 }),
        deliveries,
        fc.integer({ min: 1, max: 2 }),
        async (writes, partitionCount, plan, times) => {
          // A write DynamoDB would refuse (an update of a missing item lacks `points`) is still a
          // valid step: the codec rejects the image and the record is dead-lettered in both passes.
          await given(writes, { timeToLiveAttribute: 'expiresAt', stream: { partitionCount } })
            .when(projections, { deliveries: plan, times })
            .thenEqualsCleanPass();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('finds the schedule that breaks a projection relying on order across items', async () => {
    // "Last task changed per list" as a plain put: right on one shard in order, wrong on AWS.
    const lastChanged = defineProjection({
      name: 'lastChanged',
      version: 1,
      item: Task,
      viewType: 'NEW_IMAGE',
      plan: (event) =>
        event.eventName === 'REMOVE'
          ? []
          : [
              {
                _tag: 'PutRow',
                table: 'lastChanged',
                key: { listId: event.newImage.listId },
                row: { listId: event.newImage.listId, id: event.newImage.id },
              },
            ],
    });
    const result = await fc.check(
      fc.asyncProperty(fc.array(write, { maxLength: 30 }), fc.nat(), async (writes, seed) => {
        await given(writes)
          .when(lastChanged, { deliveries: { faults: { seed, interleaveShards: true } } })
          .thenEqualsCleanPass();
      }),
      { numRuns: 200, seed: 42 },
    );
    expect(result.failed).toBe(true);
    expect(String(result.errorInstance)).toContain('table lastChanged: 1 row differs');
  });
});
