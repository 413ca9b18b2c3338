import { describe, expect, it } from 'vitest';
import { aggregate } from '../builtins/aggregate.js';
import { changeEvent } from '../testSupport/changeEvents.js';
import { TaskCodec } from '../testSupport/taskHistory.js';
import { versionedProjection } from './versionedProjection.js';

const event = changeEvent({
  eventName: 'INSERT',
  keys: { list: 'l1', id: 'a' },
  sequence: 1,
  newImage: { id: 'a', list: 'l1', points: 3, title: 'x' },
  viewType: 'NEW_IMAGE',
});

describe('versionedProjection', () => {
  it('sends a keyed aggregate’s writes to its version’s table, the markers staying in the group rows', () => {
    const inRows = versionedProjection(
      aggregate({
        name: 'points',
        version: 2,
        table: 'points',
        item: TaskCodec,
        viewType: 'NEW_IMAGE',
        groupOfKey: (key) => ({ list: String(key.list) }),
        amounts: (task) => ({ points: task.points }),
      }),
    );
    expect(inRows.plan(event as never)).toMatchObject([
      { table: 'points-v2', markerTable: 'points-v2', markerRow: { list: 'l1' } },
    ]);
  });

  it('names the version’s tables, so then() compares them under the names they are written to', () => {
    const counts = versionedProjection(
      aggregate({
        name: 'counts',
        version: 3,
        table: 'counts',
        markerTable: 'markers',
        item: TaskCodec,
        viewType: 'NEW_IMAGE',
        group: (task) => ({ list: task.list }),
      }),
    );
    expect(counts.tables).toEqual(['counts-v3', 'markers-v3']);
  });
});
