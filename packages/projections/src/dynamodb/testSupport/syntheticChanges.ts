import { type ChangeEvent, itemKeyOf, type SequenceNumber } from '@sluice/core';

/** A source item: its key attributes and the rest of its attributes. */
type Item = Record<string, unknown>;

// A small deterministic PRNG (mulberry32): the same seed gives the same stream of changes.
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};

/** How a synthetic source table evolves. */
export interface ChangeMix {
  readonly records: number;
  readonly seed: number;
  /** Share of records that insert a new item (the rest modify or remove an existing one). */
  readonly insertShare: number;
  /** Of the other records, the share that removes. */
  readonly removeShare: number;
  readonly keysOf: (item: Item) => Item;
  readonly newItem: (n: number, random: () => number) => Item;
  readonly modify: (item: Item, random: () => number) => Item;
}

/**
 * Change events (NEW_AND_OLD_IMAGES) of a source table evolving as `mix` says, each item's
 * changes in order, as DynamoDB Streams would deliver them from one shard.
 */
export const syntheticChanges = (mix: ChangeMix): ChangeEvent<Item, 'NEW_AND_OLD_IMAGES'>[] => {
  const random = prng(mix.seed);
  const live: Item[] = [];
  const events: ChangeEvent<Item, 'NEW_AND_OLD_IMAGES'>[] = [];
  let sequence = 4_200_000_000_000_000_000_000n;
  for (let i = 0; i < mix.records; i++) {
    sequence += BigInt(1 + Math.floor(random() * 1000));
    const at =
      live.length === 0 || random() < mix.insertShare ? -1 : Math.floor(random() * live.length);
    const before = at < 0 ? undefined : live[at];
    const removing = before !== undefined && random() < mix.removeShare;
    const after =
      before === undefined
        ? mix.newItem(i, random)
        : removing
          ? undefined
          : mix.modify(before, random);
    if (at < 0 && after) live.push(after);
    else if (after) live[at] = after;
    else live.splice(at, 1);
    const image = (after ?? before) as Item;
    const keys = mix.keysOf(image);
    const common = {
      eventId: `event-${i}`,
      sequenceNumber: String(sequence) as SequenceNumber,
      approximateCreationTime: new Date(1_714_557_600_000 + i * 10),
      sizeBytes: 200,
      streamViewType: 'NEW_AND_OLD_IMAGES' as const,
      keys,
      itemKey: itemKeyOf(keys),
      streamArn: 'arn:aws:dynamodb:local:000000000000:table/Source/stream/2024-05-01T00:00:00.000',
      tableName: 'Source',
      region: 'local',
    };
    events.push(
      (before === undefined
        ? { ...common, eventName: 'INSERT', newImage: after }
        : after === undefined
          ? {
              ...common,
              eventName: 'REMOVE',
              removedBy: random() < 0.5 ? 'ttl' : 'user',
              oldImage: before,
            }
          : { ...common, eventName: 'MODIFY', newImage: after, oldImage: before }) as ChangeEvent<
        Item,
        'NEW_AND_OLD_IMAGES'
      >,
    );
  }
  return events;
};

/** Order lines (partition key orderId, sort key lineId) of about `orders` orders. */
export const orderLineChanges = (
  records: number,
  orders = 100,
): ChangeEvent<Item, 'NEW_AND_OLD_IMAGES'>[] =>
  syntheticChanges({
    records,
    seed: 7,
    insertShare: 0.5,
    removeShare: 0.3,
    keysOf: (line) => ({ orderId: line.orderId, lineId: line.lineId }),
    newItem: (n, random) => ({
      orderId: `order-${Math.floor(random() * orders)}`,
      lineId: `line-${n}`,
      sku: `sku-${Math.floor(random() * 500)}`,
      quantity: 1 + Math.floor(random() * 5),
      priceCents: 100 + Math.floor(random() * 10_000),
    }),
    modify: (line, random) => ({ ...line, quantity: 1 + Math.floor(random() * 5) }),
  });

/** Tasks (partition key listId, sort key taskId) spread over `lists` lists; a fifth of the edits move a task. */
export const taskChanges = (
  records: number,
  lists = 20,
): ChangeEvent<Item, 'NEW_AND_OLD_IMAGES'>[] =>
  syntheticChanges({
    records,
    seed: 11,
    insertShare: 0.5,
    removeShare: 0.3,
    keysOf: (task) => ({ taskId: task.taskId }),
    newItem: (n, random) => ({
      taskId: `task-${n}`,
      listId: `list-${Math.floor(random() * lists)}`,
      title: `Task ${n}`,
      done: false,
    }),
    modify: (task, random) =>
      random() < 0.2
        ? { ...task, listId: `list-${Math.floor(random() * lists)}` }
        : { ...task, done: !task.done },
  });
