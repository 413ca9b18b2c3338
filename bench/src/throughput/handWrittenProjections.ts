import { isDeepStrictEqual } from 'node:util';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';

type Image = Record<string, unknown>;
type Row = Record<string, unknown>;

/** Lines and quantity of one order, as the hand-written handler keeps them. */
export interface OrderFigures {
  orderId: string;
  lines: number;
  quantity: number;
}

/**
 * The plain in-memory tables the hand-written handler writes: history rows by order id and sort
 * key, and one figures row per order. Named as Sluice's bench projections name theirs.
 */
export interface HandWrittenTables {
  readonly orderHistory: Map<string, Map<string, Row>>;
  readonly linesPerOrder: Map<string, OrderFigures>;
}

/** Empty tables for one run. */
export const handWrittenTables = (): HandWrittenTables => ({
  orderHistory: new Map(),
  linesPerOrder: new Map(),
});

const imageOf = (image: unknown): Image | undefined =>
  // aws-lambda's AttributeValue type is the SDK's, spelled differently.
  image === undefined ? undefined : unmarshall(image as Record<string, AttributeValue>);

// What a line adds to its order: cancelled lines count nowhere.
const contributionOf = (line: Image | undefined) =>
  line === undefined || line.status === 'cancelled'
    ? undefined
    : { orderId: line.orderId as string, quantity: line.quantity as number };

const changedNames = (
  eventName: string | undefined,
  newImage: Image | undefined,
  oldImage: Image | undefined,
): string[] | undefined => {
  if (eventName === 'INSERT') return newImage && Object.keys(newImage).sort();
  if (eventName === 'REMOVE') return oldImage && Object.keys(oldImage).sort();
  if (newImage === undefined || oldImage === undefined) return undefined;
  const names = new Set([...Object.keys(newImage), ...Object.keys(oldImage)]);
  return [...names].filter((n) => !isDeepStrictEqual(newImage[n], oldImage[n])).sort();
};

const addDelta = (
  deltas: Map<string, { lines: number; quantity: number }>,
  orderId: string,
  lines: number,
  quantity: number,
) => {
  const delta = deltas.get(orderId);
  if (delta === undefined) deltas.set(orderId, { lines, quantity });
  else {
    delta.lines += lines;
    delta.quantity += quantity;
  }
};

/**
 * Contestant (a′): the handler a user writes by hand instead of Sluice for the same two
 * projections. `unmarshall` both images, put one history row per change (the same fields as
 * Sluice's order history), keep the per-order line and quantity deltas of the batch in a `Map`,
 * then add them to the figures rows. No validation, no idempotency: a redelivery counts twice.
 */
export const handWrittenProjections = (
  event: DynamoDBStreamEvent,
  tables: HandWrittenTables,
): number => {
  const deltas = new Map<string, { lines: number; quantity: number }>();
  for (const record of event.Records) {
    const change = record.dynamodb!;
    const keys = imageOf(change.Keys)!;
    const newImage = imageOf(change.NewImage);
    const oldImage = imageOf(change.OldImage);
    const orderId = keys.orderId as string;
    const sortKey = change.SequenceNumber!.padStart(40, '0');
    const row: Row = {
      eventName: record.eventName,
      eventId: record.eventID,
      sequenceNumber: change.SequenceNumber,
      at: new Date(change.ApproximateCreationDateTime! * 1000).toISOString(),
      orderId,
      change: sortKey,
    };
    if (newImage !== undefined) row.newImage = newImage;
    if (oldImage !== undefined) row.oldImage = oldImage;
    const changed = changedNames(record.eventName, newImage, oldImage);
    if (changed !== undefined) row.changedAttributes = changed;
    let history = tables.orderHistory.get(orderId);
    if (history === undefined) {
      history = new Map();
      tables.orderHistory.set(orderId, history);
    }
    history.set(sortKey, row);

    const before = contributionOf(oldImage);
    const after = contributionOf(newImage);
    if (before && after && before.orderId === after.orderId) {
      if (after.quantity !== before.quantity)
        addDelta(deltas, after.orderId, 0, after.quantity - before.quantity);
      continue;
    }
    if (before) addDelta(deltas, before.orderId, -1, -before.quantity);
    if (after) addDelta(deltas, after.orderId, 1, after.quantity);
  }
  for (const [orderId, delta] of deltas) {
    const figures = tables.linesPerOrder.get(orderId);
    if (figures === undefined) tables.linesPerOrder.set(orderId, { orderId, ...delta });
    else {
      figures.lines += delta.lines;
      figures.quantity += delta.quantity;
    }
  }
  return event.Records.length;
};
