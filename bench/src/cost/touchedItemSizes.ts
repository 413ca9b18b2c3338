import {
  BatchGetItemCommand,
  DescribeTableCommand,
  DynamoDBClient,
  type KeysAndAttributes,
} from '@aws-sdk/client-dynamodb';
import type { CapturedRequest, StoredBytes } from './capacityUnits.js';
import { itemBytes, type WireItem } from './itemBytes.js';
import { touchedItems } from './touchedItems.js';

/** Reads, now, the stored size of every item a request touches. */
export type ItemSizesNow = (request: CapturedRequest) => Promise<StoredBytes>;

const BATCH_GET_LIMIT = 100;

const keyString = (names: readonly string[], item: WireItem) =>
  names.map((n) => JSON.stringify(item[n])).join('|');

/**
 * A client of the same DynamoDB as `client` with a middleware stack of its own: the reads that
 * size items must not show among the requests counted and priced on `client`'s stack (a
 * DocumentClient shares the stack of the client it wraps).
 */
export const sizingClient = (client: DynamoDBClient): DynamoDBClient => {
  const { endpoint, region, credentials } = client.config;
  return new DynamoDBClient({ endpoint, region, credentials });
};

// Every item stored under `keys` (consistent reads), retrying what DynamoDB leaves unprocessed.
const readItems = async (
  client: DynamoDBClient,
  table: string,
  keys: readonly WireItem[],
): Promise<WireItem[]> => {
  const items: WireItem[] = [];
  for (let at = 0; at < keys.length; at += BATCH_GET_LIMIT) {
    let request: Record<string, KeysAndAttributes> | undefined = {
      [table]: { Keys: keys.slice(at, at + BATCH_GET_LIMIT), ConsistentRead: true },
    };
    while (request !== undefined && Object.keys(request).length > 0) {
      const out = await client.send(new BatchGetItemCommand({ RequestItems: request }));
      items.push(...((out.Responses?.[table] ?? []) as WireItem[]));
      request = out.UnprocessedKeys as Record<string, KeysAndAttributes> | undefined;
    }
  }
  return items;
};

/**
 * Reads, through `client` (see `sizingClient`), the items a request touches as they stand, with
 * consistent reads: taken just before and just after a write, they give the sizes DynamoDB bills
 * the write on. Key schemas come from DescribeTable, once per table.
 */
export const touchedItemSizes = (client: DynamoDBClient): ItemSizesNow => {
  const keyNames = new Map<string, readonly string[]>();
  const namesOf = async (table: string) => {
    let names = keyNames.get(table);
    if (names === undefined) {
      const described = await client.send(new DescribeTableCommand({ TableName: table }));
      names = (described.Table?.KeySchema ?? []).map((k) => k.AttributeName!);
      keyNames.set(table, names);
    }
    return names;
  };
  return async (request) => {
    const wanted = new Map<string, Map<string, WireItem>>();
    for (const { table, item } of touchedItems(request)) {
      const names = await namesOf(table);
      const keys = wanted.get(table) ?? new Map<string, WireItem>();
      keys.set(keyString(names, item), Object.fromEntries(names.map((n) => [n, item[n]!])));
      wanted.set(table, keys);
    }
    const bytes = new Map<string, number>();
    for (const [table, keys] of wanted) {
      const names = keyNames.get(table)!;
      for (const item of await readItems(client, table, [...keys.values()]))
        bytes.set(`${table}\u0000${keyString(names, item)}`, itemBytes(item));
    }
    return (table, item) => {
      const names = keyNames.get(table);
      return names === undefined ? undefined : bytes.get(`${table}\u0000${keyString(names, item)}`);
    };
  };
};
