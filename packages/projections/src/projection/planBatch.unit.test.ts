import { describe, expect, it } from 'vitest';
import { aggregate } from '../builtins/aggregate.js';
import { archive } from '../builtins/archive.js';
import { orderHistory } from '../builtins/orderHistory.js';
import type { Contribute } from '../plan/write.js';
import { changeEvent } from '../testSupport/changeEvents.js';
import { TaskCodec } from '../testSupport/taskHistory.js';
import { planBatch } from './planBatch.js';

const task = (list: string, points = 1) => ({ id: 'a', list, points, title: 'x' });
const insert = (sequence: number, list: string) =>
  changeEvent({ eventName: 'INSERT', keys: { id: 'a' }, sequence, newImage: task(list) });
const move = (sequence: number, from: string, to: string) =>
  changeEvent({
    eventName: 'MODIFY',
    keys: { id: 'a' },
    sequence,
    oldImage: task(from),
    newImage: task(to),
  });
const remove = (sequence: number, list: string) =>
  changeEvent({ eventName: 'REMOVE', keys: { id: 'a' }, sequence, oldImage: task(list) });

const counts = aggregate({
  name: 'aggregate',
  table: 'counts',
  markerTable: 'markers',
  item: TaskCodec,
  viewType: 'NEW_AND_OLD_IMAGES',
  group: (t) => ({ list: t.list }),
});

describe('planBatch', () => {
  it('coalesces an item’s changes into one contribution: the last state, the groups it passed through touched with zero', () => {
    const plan = planBatch(counts, [insert(1, 'l1'), move(2, 'l1', 'l2'), move(3, 'l2', 'l3')]);
    expect(plan.writes).toHaveLength(1);
    expect(plan.origins).toEqual([0]);
    const write = plan.writes[0] as Contribute;
    expect(write.sequenceNumber).toBe(move(3, 'l2', 'l3').sequenceNumber);
    expect(write.contribution).toEqual({ group: { list: 'l3' }, amounts: { count: 1 } });
    expect(write.alsoTouches).toEqual([
      { group: { list: 'l1' }, amounts: { count: 0 } },
      { group: { list: 'l2' }, amounts: { count: 0 } },
    ]);
  });

  it('keeps the newest contribution even when an older change of the item comes later in the batch', () => {
    const plan = planBatch(counts, [remove(5, 'l1'), insert(1, 'l1')]);
    const write = plan.writes[0] as Contribute;
    expect(write.contribution).toBeNull();
    expect(write.alsoTouches).toEqual([{ group: { list: 'l1' }, amounts: { count: 0 } }]);
  });

  it('plans one history row per change, in record order (a repeated row is left to the store: last wins)', () => {
    const history = orderHistory({
      name: 'orderHistory',
      table: 'h',
      item: TaskCodec,
      viewType: 'NEW_AND_OLD_IMAGES',
      entityId: (e) => String(e.keys.id),
    });
    const plan = planBatch(history, [insert(1, 'l1'), move(2, 'l1', 'l2'), insert(1, 'l1')]);
    expect(plan.writes.map((w) => w._tag)).toEqual(['PutRow', 'PutRow', 'PutRow']);
    expect(plan.origins).toEqual([0, 1, 2]);
    expect(plan.writes[2]).toEqual(plan.writes[0]);
  });

  it('keeps only the newest removal of a key for the archive', () => {
    const archived = archive({
      name: 'archive',
      table: 'a',
      item: TaskCodec,
      viewType: 'OLD_IMAGE',
    });
    const plan = planBatch(archived, [remove(9, 'new'), insert(3, 'l1'), remove(2, 'old')]);
    expect(plan.writes).toHaveLength(1);
    expect(plan.writes[0]).toMatchObject({ row: { item: { list: 'new' } } });
  });
});
