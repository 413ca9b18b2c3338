import { type Units, writeUnitsOf } from './capacityUnits.js';
import { itemBytes, type WireItem } from './itemBytes.js';

// The idempotency key Powertools writes for a record handler wrapped in `makeIdempotent`:
// `<function name>.<handler name>#<md5 of the record, hex>`, in the default attribute names.
const ID = { S: `orders-stream-handler.processRecord#${'0'.repeat(32)}` };
const EXPIRATION = { N: '1704070800' }; // epoch seconds, one hour ahead (the default)
const IN_PROGRESS_EXPIRATION = { N: '1704067260000' }; // epoch milliseconds

/** The in-progress record Powertools puts (conditionally) before the handler runs. */
export const inProgressRecord: WireItem = {
  id: ID,
  expiration: EXPIRATION,
  in_progress_expiration: IN_PROGRESS_EXPIRATION,
  status: { S: 'INPROGRESS' },
};

/** The record after Powertools' update on success: completed, no response data (the handler returns nothing). */
export const completedRecord: WireItem = { ...inProgressRecord, status: { S: 'COMPLETED' } };

/**
 * Powertools idempotency with its DynamoDB persistence layer, around a record handler, for
 * `records` changes of a clean pass (no duplicates): per record one conditional PutItem of the
 * in-progress record, then one UpdateItem that marks it completed (billed on the larger of the
 * item before and after), by operation. No reads: a put that finds nothing needs none.
 */
export const powertoolsIdempotencyUnits = (records: number): Record<string, Units> => ({
  'PutItem (in progress)': {
    requests: records,
    writeUnits: records * writeUnitsOf(itemBytes(inProgressRecord)),
    readUnits: 0,
  },
  'UpdateItem (completed)': {
    requests: records,
    writeUnits:
      records * writeUnitsOf(Math.max(itemBytes(inProgressRecord), itemBytes(completedRecord))),
    readUnits: 0,
  },
});
