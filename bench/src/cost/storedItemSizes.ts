import { DescribeTableCommand, type DynamoDBClient, paginateScan } from '@aws-sdk/client-dynamodb';
import type { StoredBytes } from './capacityUnits.js';
import { itemBytes, type WireItem } from './itemBytes.js';

const keyString = (names: readonly string[], item: WireItem) =>
  names.map((n) => JSON.stringify(item[n])).join('|');

/**
 * The size of every item of `tables` as they stand now, by key (scanned through `client`, which
 * must not be the one whose requests are priced): what an update or a put over an existing item
 * is billed on. Items do not grow or shrink across the measured run (markers and counter rows
 * keep their shape), so the final size stands for the size at each write.
 */
export const storedItemSizes = async (
  client: DynamoDBClient,
  tables: readonly string[],
): Promise<StoredBytes> => {
  const book = new Map<string, { names: string[]; bytes: Map<string, number> }>();
  for (const table of tables) {
    const described = await client.send(new DescribeTableCommand({ TableName: table }));
    const names = (described.Table?.KeySchema ?? []).map((k) => k.AttributeName!);
    const bytes = new Map<string, number>();
    for await (const page of paginateScan({ client }, { TableName: table }))
      for (const item of page.Items ?? []) bytes.set(keyString(names, item), itemBytes(item));
    book.set(table, { names, bytes });
  }
  return (table, item) => {
    const found = book.get(table);
    return found?.bytes.get(keyString(found.names, item));
  };
};
