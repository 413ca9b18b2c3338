import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { StreamViewType } from '@sluice/core';
import type * as E from 'fp-ts/lib/Either.js';

/** An item or a key in DynamoDB JSON (`{ id: { S: 't1' } }`), as `Scan` returns it. */
export type ScannedItem = Record<string, AttributeValue>;

/** What a backfill needs to know about the source table before scanning it. */
export interface SourceDescription {
  readonly tableName: string;
  /** The primary key's attribute names: partition key first, then the sort key if any. */
  readonly keyAttributes: readonly string[];
  /** DynamoDB's approximate item count (`DescribeTable.ItemCount`, refreshed about every 6 hours). */
  readonly approximateItemCount: number | undefined;
  /** Provisioned read capacity units; `undefined` for on-demand tables. */
  readonly readCapacityUnits: number | undefined;
  /** The table's latest stream, if it has one enabled: snapshot records name it. */
  readonly streamArn: string | undefined;
  /** The stream's view type: snapshots carry the images the live stream's INSERTs carry. */
  readonly streamViewType: StreamViewType | undefined;
}

/** One `Scan` request of one segment of a parallel scan. */
export interface ScanRequest {
  readonly segment: number;
  readonly totalSegments: number;
  readonly exclusiveStartKey: ScannedItem | undefined;
  /** Items per page at most (`Limit`); `undefined`: DynamoDB's 1 MB pages. */
  readonly limit: number | undefined;
}

/** One page of a segment. */
export interface ScanPage {
  readonly items: readonly ScannedItem[];
  /** Where the next page starts; absent once the segment is read to its end. */
  readonly lastEvaluatedKey: ScannedItem | undefined;
  /** Read capacity units the page consumed (as reported, or estimated where nothing reports it). */
  readonly readUnits: number;
}

/** The source table could not be described or scanned, after retries. */
export interface ScanFailed {
  readonly _tag: 'ScanFailed';
  readonly operation: string;
  readonly tableName: string;
  readonly message: string;
}

/**
 * A table a backfill scans: DynamoDB (`dynamoDbScanSource`) or anything scanning the same way,
 * such as `@sluice/testing`'s `InMemoryTable` (`inMemoryScanSource`). Failures are values.
 */
export interface ScanSource {
  /** The table's key attributes, size, read capacity and stream, read once before scanning. */
  describe(): Promise<E.Either<ScanFailed, SourceDescription>>;
  /** Reads one page of one segment; a failure is a `ScanFailed` once retrying is over. */
  readPage(request: ScanRequest): Promise<E.Either<ScanFailed, ScanPage>>;
}

/** Builds a `ScanFailed`. */
export const scanFailed = (operation: string, tableName: string, message: string): ScanFailed => ({
  _tag: 'ScanFailed',
  operation,
  tableName,
  message: `${operation} on ${tableName} failed: ${message}`,
});
