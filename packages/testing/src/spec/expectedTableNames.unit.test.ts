import { aggregate, archive, defineProjection, orderHistory } from '@sluice/projections';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { given } from './given.js';

const Task = t.type({ id: t.string, listId: t.string });

const counts = aggregate({
  name: 'taskCount',
  table: 'taskCount',
  markerTable: 'markers',
  item: Task,
  viewType: 'NEW_IMAGE',
  group: (task) => ({ listId: task.listId }),
});
// Nothing is removed by TTL below: the archive table is never written.
const expired = archive({
  name: 'expired',
  table: 'expiredTasks',
  item: Task,
  viewType: 'NEW_AND_OLD_IMAGES',
  removals: 'ttl',
});

describe('then() and the tables the projections name', () => {
  it('refuses an expected table no projection writes, even expected empty (a typo)', async () => {
    const run = given([{ put: { id: 't1', listId: 'a' } }]).when([counts, expired]);
    await expect(run.then({ expiredTask: [] })).rejects.toThrow(
      'table expiredTask: no projection of this spec writes it (they write: taskCount, markers, expiredTasks)',
    );
  });

  it('takes a named table that nothing was written to as empty', async () => {
    await given([{ put: { id: 't1', listId: 'a' } }])
      .when([counts, expired])
      .then({ expiredTasks: [], taskCount: [{ listId: 'a', count: 1 }] });
  });

  it('cannot tell a typo when a projection does not name its tables', async () => {
    const custom = defineProjection({
      name: 'custom',
      version: 1,
      item: Task,
      viewType: 'NEW_IMAGE',
      plan: () => [],
    });
    const history = orderHistory({
      name: 'history',
      table: 'history',
      item: Task,
      viewType: 'NEW_IMAGE',
      entityId: (event) => String(event.keys.id),
    });
    // The custom projection may write any table: an unwritten name can only be taken as empty.
    await given([{ put: { id: 't1', listId: 'a' } }])
      .when([history, custom])
      .then({ histroy: [] });
    const named = defineProjection({
      name: 'named',
      version: 1,
      item: Task,
      viewType: 'NEW_IMAGE',
      tables: ['audit'],
      plan: () => [],
    });
    await expect(
      given([{ put: { id: 't1', listId: 'a' } }])
        .when([history, named])
        .then({ audits: [] }),
    ).rejects.toThrow('table audits: no projection of this spec writes it');
  });
});
