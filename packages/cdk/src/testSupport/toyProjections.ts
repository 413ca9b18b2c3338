import { eventNames, ttlRemovals } from '@sluice/core';
import { archive, orderHistory, type Projection } from '@sluice/projections';
import { tableSpec, tombstoneTableSpec } from '@sluice/projections/dynamodb';
import * as t from 'io-ts';

const Item = t.type({ id: t.string });

/** A table the history projection writes. */
export const historyTable = tableSpec('history', 'entityId', 'change');
/** The archive projection's table. */
export const archivedTable = tableSpec('archived', 'id');
/** A tombstone table, to see TTL carried through. */
export const tombstonesTable = tombstoneTableSpec('tombstones');

/** Two projections with filters: the mapping's FilterCriteria is their OR. */
export const toyProjections: readonly Projection[] = [
  orderHistory({
    name: 'history',
    table: historyTable.tableName,
    item: Item,
    keys: Item,
    viewType: 'NEW_IMAGE',
    entityId: (event) => event.keys.id,
    filter: eventNames('INSERT', 'MODIFY'),
  }),
  archive({
    name: 'archived',
    table: archivedTable.tableName,
    item: Item,
    keys: Item,
    viewType: 'OLD_IMAGE',
    removals: 'ttl',
    filter: ttlRemovals,
  }),
];
