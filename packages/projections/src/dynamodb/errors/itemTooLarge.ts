import type { RowKey } from '../../plan/row.js';

/**
 * A planned row exceeds DynamoDB's 400 KB item limit (e.g. a history row carrying two large
 * images). It can never be written, so retrying is pointless: the record it came from
 * (`origin`, an index into the batch's records) belongs in the dead-letter sink.
 */
export interface ItemTooLarge {
  readonly _tag: 'ItemTooLarge';
  readonly table: string;
  readonly key: RowKey;
  readonly sizeBytes: number;
  readonly limitBytes: number;
  /** Index of the write in `PlannedBatch.writes`. */
  readonly writeIndex: number;
  /** Index, in the batch's records, of the record the row came from. */
  readonly origin: number;
  readonly message: string;
}

/** Builds an `ItemTooLarge`. */
export const itemTooLarge = (fields: Omit<ItemTooLarge, '_tag' | 'message'>): ItemTooLarge => ({
  _tag: 'ItemTooLarge',
  ...fields,
  message:
    `row ${JSON.stringify(fields.key)} of ${fields.table} (from record #${fields.origin}) is ` +
    `${fields.sizeBytes} bytes, over DynamoDB's ${fields.limitBytes}-byte item limit`,
});
