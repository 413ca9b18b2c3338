import { eventNames, ttlRemovals } from '@sluice/core';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { archive } from '../builtins/archive.js';
import { orderHistory } from '../builtins/orderHistory.js';
import { markerTableSpec, tableSpec, tombstoneTableSpec } from '../dynamodb/tables/tableSpec.js';
import { deployedTableNames } from './deployedTableNames.js';
import { projectionStackSpec } from './projectionStackSpec.js';
import { DEAD_LETTER_ACTIONS, STORE_ACTIONS, STREAM_READ_ACTIONS } from './tableAccess.js';
import { tableVariable } from './tableVariable.js';

const Item = t.type({ id: t.string });
const history = orderHistory({
  name: 'history',
  table: 'history',
  item: Item,
  keys: Item,
  viewType: 'NEW_IMAGE',
  entityId: (event) => event.keys.id,
  filter: eventNames('INSERT'),
});
const archived = archive({
  name: 'archived',
  table: 'archived',
  item: Item,
  keys: Item,
  viewType: 'OLD_IMAGE',
  removals: 'ttl',
  filter: ttlRemovals,
});
const tables = [tableSpec('history', 'entityId', 'change'), tombstoneTableSpec('tombstones')];

describe('projectionStackSpec', () => {
  const spec = projectionStackSpec({ projections: [history, archived], tables });

  it('lists the projection tables, then the dead-letter table, each with its variable and TTL', () => {
    expect(spec.written.map((w) => [w.spec.tableName, w.variable, w.timeToLiveAttribute])).toEqual([
      ['history', 'HISTORY_TABLE', undefined],
      ['tombstones', 'TOMBSTONES_TABLE', 'expiresAt'],
      ['deadLetters', 'DEAD_LETTERS_TABLE', undefined],
    ]);
    expect(spec.deadLetters.partitionKey.name).toBe('projection');
  });

  it('maps with the handler’s recommended settings and the OR of the projections’ filters', () => {
    expect(spec.mapping).toMatchObject({
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: -1,
      FilterCriteria: {
        Filters: [{ Pattern: eventNames('INSERT').json }, { Pattern: ttlRemovals.json }],
      },
    });
    expect(spec.mapping).not.toHaveProperty('DestinationConfig');
  });

  it('grants stream reads, the store’s writes per table, one put on dead letters, one send to the queue', () => {
    expect(spec.permissions).toEqual([
      { actions: STREAM_READ_ACTIONS, resource: { _tag: 'SourceStream' } },
      { actions: STORE_ACTIONS, resource: { _tag: 'Table', tableName: 'history' } },
      { actions: STORE_ACTIONS, resource: { _tag: 'Table', tableName: 'tombstones' } },
      { actions: DEAD_LETTER_ACTIONS, resource: { _tag: 'Table', tableName: 'deadLetters' } },
      { actions: ['sqs:SendMessage'], resource: { _tag: 'OnFailureQueue' } },
    ]);
    const all = spec.permissions.flatMap((p) => p.actions);
    expect(
      all.filter((action) => /\*|Scan|Query|ListStreams|CreateTable|DeleteTable/.test(action)),
    ).toEqual([]);
  });

  it('refuses two tables with one name (the dead-letter table included)', () => {
    expect(() =>
      projectionStackSpec({ projections: [history], tables: [markerTableSpec('deadLetters')] }),
    ).toThrow(/deadLetters is declared twice/);
  });
});

describe('deployedTableNames', () => {
  it('reads each table’s deployed name from the variable the spec names', () => {
    const names = deployedTableNames(tables, {
      [tableVariable(tables[0]!)]: 'stack-History-1',
      TOMBSTONES_TABLE: 'stack-Tombstones-2',
    });
    expect(names('history')).toBe('stack-History-1');
    expect(names('tombstones')).toBe('stack-Tombstones-2');
    expect(() => names('other')).toThrow(/no deployed table for other/);
  });

  it('fails at cold start when a variable is missing or empty', () => {
    expect(() => deployedTableNames(tables, { HISTORY_TABLE: 'h', TOMBSTONES_TABLE: '' })).toThrow(
      /TOMBSTONES_TABLE is not set/,
    );
  });
});
