import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';

/** What a batch touches: the distinct source items, and the orders whose line counts it changes. */
export interface BatchFootprint {
  readonly items: number;
  readonly groups: number;
  /** Orders of every changed line, cancelled or not: the rows holding the lines' markers. */
  readonly rows: number;
}

// biome-ignore lint/suspicious/noExplicitAny: images are untyped DynamoDB JSON here.
const image = (value: unknown): Record<string, any> | undefined =>
  // biome-ignore lint/suspicious/noExplicitAny: util-dynamodb's parameter type is the SDK's AttributeValue map.
  value === undefined ? undefined : unmarshall(value as any);

/**
 * Distinct items and touched groups (orders of a non-cancelled line, in either image) of a batch:
 * the floor of a counter that writes each group once per batch, and what its markers must read;
 * and the group rows a counter keeping markers in them writes (orders of every changed line).
 */
export const batchFootprint = (records: readonly DynamoDBRecord[]): BatchFootprint => {
  const items = new Set<string>();
  const groups = new Set<string>();
  const rows = new Set<string>();
  for (const record of records) {
    const keys = image(record.dynamodb?.Keys) ?? {};
    items.add(`${keys.orderId}|${keys.lineId}`);
    rows.add(String(keys.orderId));
    for (const line of [image(record.dynamodb?.NewImage), image(record.dynamodb?.OldImage)])
      if (line !== undefined && line.status !== 'cancelled') groups.add(String(line.orderId));
  }
  return { items: items.size, groups: groups.size, rows: rows.size };
};
