import { describeErrors } from '@sluice/core';
import * as E from 'fp-ts/lib/Either.js';
import type { StoreError } from '../../store/storeError.js';
import { batchGetItems } from '../io/batchGetItems.js';
import type { ContributeEntry } from './contributionPlan.js';
import type { StoreContext } from './dynamoDbStoreOptions.js';
import { MARKER_ID, type Marker, MarkerCodec } from './marker.js';

/** A marker item in DynamoDB does not have the shape the store writes (edited by hand?). */
export interface CorruptMarker {
  readonly _tag: 'CorruptMarker';
  readonly table: string;
  readonly markerId: unknown;
  readonly message: string;
}

/** Identifies a marker across marker tables. */
export const markerKey = (entry: ContributeEntry): string =>
  `${entry.write.markerTable}\u0000${entry.write.markerId}`;

/**
 * Reads, strongly consistent, the markers of the given writes (BatchGetItem, 100 keys per call),
 * keyed by `markerKey`; absent markers are absent from the map.
 */
export const readMarkers = async (
  context: StoreContext,
  entries: readonly ContributeEntry[],
): Promise<E.Either<StoreError, ReadonlyMap<string, Marker>>> => {
  const byTable = new Map<string, string[]>();
  for (const { write } of entries)
    byTable.set(write.markerTable, [...(byTable.get(write.markerTable) ?? []), write.markerId]);
  const markers = new Map<string, Marker>();
  for (const [table, ids] of byTable) {
    const tableName = context.tableName(table);
    const read = await batchGetItems(
      {
        client: context.client,
        policy: context.policy,
        tableName,
        keyAttributes: [MARKER_ID],
        concurrency: context.concurrency,
      },
      ids.map((id) => ({ [MARKER_ID]: id })),
    );
    if (E.isLeft(read)) return read;
    for (const item of read.right) {
      const decoded = MarkerCodec.decode(item);
      if (E.isLeft(decoded))
        return E.left({
          _tag: 'CorruptMarker',
          table: tableName,
          markerId: item[MARKER_ID],
          message: `marker ${String(item[MARKER_ID])} in ${tableName} is malformed: ${describeErrors(decoded.left)}`,
        } satisfies CorruptMarker);
      markers.set(`${table}\u0000${decoded.right.markerId}`, decoded.right);
    }
  }
  return E.right(markers);
};
