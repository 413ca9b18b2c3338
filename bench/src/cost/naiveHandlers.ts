import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';

type Image = Record<string, AttributeValue>;
type Line = Record<string, unknown>;

/** The physical tables the naive handlers write. */
export interface NaiveTables {
  readonly history: string;
  readonly counts: string;
  readonly archive: string;
}

/** A handler as people write it first: one DynamoDB write per record (or per group it changes). */
export type NaiveHandler = (records: readonly DynamoDBRecord[]) => Promise<void>;

const imageOf = (image: unknown): Line | undefined =>
  image === undefined ? undefined : unmarshall(image as Image);

/** History: one PutItem per record. */
export const naiveHistory =
  (client: DynamoDBDocumentClient, tables: NaiveTables): NaiveHandler =>
  async (records) => {
    for (const record of records) {
      const keys = imageOf(record.dynamodb?.Keys) ?? {};
      await client.send(
        new PutCommand({
          TableName: tables.history,
          Item: {
            orderId: keys.orderId,
            change: record.dynamodb?.SequenceNumber?.padStart(40, '0'),
            eventName: record.eventName,
            newImage: imageOf(record.dynamodb?.NewImage),
            oldImage: imageOf(record.dynamodb?.OldImage),
          },
        }),
      );
    }
  };

const contributionOf = (line: Line | undefined) =>
  line === undefined || line.status === 'cancelled'
    ? undefined
    : { orderId: String(line.orderId), quantity: Number(line.quantity) };

/** Lines per order: an `UpdateItem ADD` per record for each order whose figures it changes (not idempotent). */
export const naiveCounts =
  (client: DynamoDBDocumentClient, tables: NaiveTables): NaiveHandler =>
  async (records) => {
    const add = (orderId: string, lines: number, quantity: number) =>
      client.send(
        new UpdateCommand({
          TableName: tables.counts,
          Key: { orderId },
          UpdateExpression: 'ADD #lines :lines, #quantity :quantity',
          ExpressionAttributeNames: { '#lines': 'lines', '#quantity': 'quantity' },
          ExpressionAttributeValues: { ':lines': lines, ':quantity': quantity },
        }),
      );
    for (const record of records) {
      const before = contributionOf(imageOf(record.dynamodb?.OldImage));
      const after = contributionOf(imageOf(record.dynamodb?.NewImage));
      if (before && after && before.orderId === after.orderId) {
        if (after.quantity !== before.quantity)
          await add(after.orderId, 0, after.quantity - before.quantity);
        continue;
      }
      if (before) await add(before.orderId, -1, -before.quantity);
      if (after) await add(after.orderId, 1, after.quantity);
    }
  };

/** Archive: one PutItem per REMOVE record. */
export const naiveArchive =
  (client: DynamoDBDocumentClient, tables: NaiveTables): NaiveHandler =>
  async (records) => {
    for (const record of records) {
      if (record.eventName !== 'REMOVE') continue;
      const keys = imageOf(record.dynamodb?.Keys) ?? {};
      await client.send(
        new PutCommand({
          TableName: tables.archive,
          Item: { ...keys, item: imageOf(record.dynamodb?.OldImage) },
        }),
      );
    }
  };
