import { sortableSequenceNumber } from '@sluice/core';
import type { MarkerRow } from '../../plan/write.js';
import type { TransactAction } from '../io/transactWrite.js';
import type { GroupUpdate, PlannedTransaction, Step } from './contributionPlan.js';
import { MARKER_ID } from './marker.js';

// A group with no amounts still needs its row; REMOVE of an absent attribute creates just the key.
const NO_ATTRIBUTE = 'sluice:none';

/** The update of one group row: its deltas ADDed (zeros create the row and its amounts). */
export const groupUpdate = (update: GroupUpdate) => {
  const entries = Object.entries(update.amounts);
  if (entries.length === 0)
    return {
      TableName: update.table,
      Key: { ...update.key },
      UpdateExpression: 'REMOVE #none',
      ExpressionAttributeNames: { '#none': NO_ATTRIBUTE },
    };
  return {
    TableName: update.table,
    Key: { ...update.key },
    // ADD is commutative, so deltas from different transactions compose in any order.
    UpdateExpression: `ADD ${entries.map((_, i) => `#a${i} :a${i}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#a${i}`, name])),
    ExpressionAttributeValues: Object.fromEntries(entries.map(([, value], i) => [`:a${i}`, value])),
  };
};

const groupAction = (update: GroupUpdate): TransactAction => ({ Update: groupUpdate(update) });

/**
 * The put of a step's marker, guarded by what was read: if anyone moved the marker since, it
 * fails (and with it the whole transaction it is part of).
 */
export const markerPut = (
  step: Step,
  markerTable: string,
): {
  TableName: string;
  Item: MarkerRow;
  ConditionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues?: Record<string, string>;
} => {
  const { write } = step.entry;
  const item: MarkerRow = {
    [MARKER_ID]: write.markerId,
    sequenceNumber: sortableSequenceNumber(write.sequenceNumber),
    contribution: write.contribution,
    ...(write.expiresAt === undefined ? {} : { expiresAt: write.expiresAt }),
  };
  return step.marker
    ? {
        TableName: markerTable,
        Item: item,
        ConditionExpression: '#seq = :seen',
        ExpressionAttributeNames: { '#seq': 'sequenceNumber' },
        ExpressionAttributeValues: { ':seen': step.marker.sequenceNumber },
      }
    : {
        TableName: markerTable,
        Item: item,
        ConditionExpression: 'attribute_not_exists(#id)',
        ExpressionAttributeNames: { '#id': MARKER_ID },
      };
};

const markerAction = (step: Step, markerTable: string): TransactAction => ({
  Put: markerPut(step, markerTable),
});

/** The TransactWriteItems actions of a planned transaction: marker puts first, then group ADDs. */
export const transactionActions = (
  transaction: PlannedTransaction,
  tableName: (table: string) => string,
): TransactAction[] => [
  ...transaction.steps.map((step) => markerAction(step, tableName(step.entry.write.markerTable))),
  ...[...transaction.groups.values()].map(groupAction),
];
