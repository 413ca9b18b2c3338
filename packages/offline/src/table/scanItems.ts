import type { AttributeMap, AttributeValue } from '../item/attributeMap.js';
import type { KeySchema } from '../item/keySchema.js';
import { admitAttributes } from './admitValue.js';
import { validationException } from './dynamoDbErrors.js';
import { collectPage, firstIndexWhere, type ItemPage } from './itemPage.js';
import type { ItemStore } from './itemStore.js';
import { type ItemKey, keyOfKey } from './tableItemKey.js';

/** A Scan: every item, paged, optionally one segment of a parallel scan. */
export interface ScanInput<V = AttributeValue> {
  readonly limit?: number;
  readonly exclusiveStartKey?: Readonly<Record<string, V>>;
  /** This worker's segment, 0 ≤ segment < totalSegments (give both or neither). */
  readonly segment?: number;
  readonly totalSegments?: number;
}

const HASH_SPACE = 2 ** 32;

/** Runs a Scan: items in partition-hash order; segment `s` of `n` is the hash range [s/n, (s+1)/n). */
export const scanItems = (
  store: ItemStore,
  schema: KeySchema,
  input: ScanInput = {},
  startKeyOf: (startKey: AttributeMap) => ItemKey = (startKey) => keyOfKey(schema, startKey),
): ItemPage => {
  const limit = input.limit ?? Number.POSITIVE_INFINITY;
  if (!(limit >= 1)) throw validationException('Limit must be greater than or equal to 1');
  const { segment, totalSegments } = input;
  if ((segment === undefined) !== (totalSegments === undefined)) {
    throw validationException('If segment is specified, total segment must also be specified');
  }
  const total = totalSegments ?? 1;
  const index = segment ?? 0;
  if (!Number.isInteger(total) || total < 1 || total > 1_000_000) {
    throw validationException(
      "1 validation error detected: Value at 'totalSegments' failed to satisfy constraint: Member must have value between 1 and 1000000",
    );
  }
  if (!Number.isInteger(index) || index < 0 || index >= total) {
    throw validationException(
      `1 validation error detected: Value '${index}' at 'segment' failed to satisfy constraint: Member must have value less than or equal to ${total - 1}`,
    );
  }
  const lowHash = Math.ceil((index * HASH_SPACE) / total);
  const highHash = Math.ceil(((index + 1) * HASH_SPACE) / total);
  const slots = store.inScanOrder();
  let start = firstIndexWhere(slots, (s) => s.key.hash >= lowHash);
  if (input.exclusiveStartKey !== undefined) {
    const startKey = startKeyOf(admitAttributes(input.exclusiveStartKey, { size: 0 }));
    start = Math.max(
      start,
      firstIndexWhere(slots, (s) => store.compareScan(s, { key: startKey }) > 0),
    );
  }
  const stop = firstIndexWhere(slots, (s) => s.key.hash >= highHash);
  return collectPage(slots, start, stop, 1, limit);
};
