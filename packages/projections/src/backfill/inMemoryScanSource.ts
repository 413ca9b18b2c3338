import type { StreamViewType } from '@sluice/core';
import * as E from 'fp-ts/lib/Either.js';
import { itemBytes } from './itemBytes.js';
import { type ScannedItem, type ScanSource, scanFailed } from './scanSource.js';

/**
 * What `inMemoryScanSource` needs of a table: `@sluice/testing`'s `InMemoryTable` fits (this
 * package cannot depend on the testing package, which depends on it).
 */
export interface ScannableTable {
  readonly tableName: string;
  readonly keySchema: {
    readonly partitionKey: { readonly name: string };
    readonly sortKey?: { readonly name: string };
  };
  readonly itemCount: number;
  readonly hasStream: boolean;
  readonly stream: { readonly streamArn: string; readonly viewType: StreamViewType };
  /** One page of a (segment of a) scan, as DynamoDB's `Scan` pages it. */
  scanItems(input: {
    readonly limit?: number;
    readonly exclusiveStartKey?: ScannedItem;
    readonly segment?: number;
    readonly totalSegments?: number;
  }): { readonly items: ScannedItem[]; readonly lastEvaluatedKey?: ScannedItem };
}

const UNIT_BYTES = 4096;

/**
 * Scans an in-memory table as DynamoDB would (parallel segments, pages, `LastEvaluatedKey`).
 * Read units are estimated as DynamoDB bills a scan: the page's bytes in 4 KB units, halved
 * unless `consistentRead`.
 */
export const inMemoryScanSource = (
  table: ScannableTable,
  options: { readonly consistentRead?: boolean } = {},
): ScanSource => {
  const perUnit = options.consistentRead ? 1 : 0.5;
  return {
    describe: async () =>
      E.right({
        tableName: table.tableName,
        keyAttributes: [table.keySchema.partitionKey.name].concat(
          table.keySchema.sortKey ? [table.keySchema.sortKey.name] : [],
        ),
        approximateItemCount: table.itemCount,
        readCapacityUnits: undefined,
        streamArn: table.hasStream ? table.stream.streamArn : undefined,
        streamViewType: table.hasStream ? table.stream.viewType : undefined,
      }),
    readPage: async (request) => {
      try {
        const page = table.scanItems({
          segment: request.segment,
          totalSegments: request.totalSegments,
          ...(request.limit === undefined ? {} : { limit: request.limit }),
          ...(request.exclusiveStartKey === undefined
            ? {}
            : { exclusiveStartKey: request.exclusiveStartKey }),
        });
        const bytes = page.items.reduce((sum, item) => sum + itemBytes(item), 0);
        return E.right({
          items: page.items,
          lastEvaluatedKey: page.lastEvaluatedKey,
          readUnits: Math.max(1, Math.ceil(bytes / UNIT_BYTES)) * perUnit,
        });
      } catch (error) {
        return E.left(scanFailed('Scan', table.tableName, String(error)));
      }
    },
  };
};
