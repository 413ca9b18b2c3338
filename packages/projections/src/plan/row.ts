/** One item of a projection table, as plain JavaScript values (lib-dynamodb's document shape). */
export type Row = Readonly<Record<string, unknown>>;

/**
 * The primary-key attributes of a projection row, e.g. `{ orderId: 'o-1', change: '0000…42' }`.
 * Values are strings, numbers or `Uint8Array`s, the scalar types DynamoDB allows in keys.
 */
export type RowKey = Readonly<Record<string, string | number | Uint8Array>>;

/** Named numbers an aggregate maintains per group, e.g. `{ count: 1, quantity: 3 }`. */
export type Amounts = Readonly<Record<string, number>>;
