import type { AttributeMap } from '../item/attributeMap.js';
import type { KeySchema } from '../item/keySchema.js';
import { admitAttributes } from './admitValue.js';
import { validationException } from './dynamoDbErrors.js';
import { type ItemKey, keyOfItem, keyOfKey } from './tableItemKey.js';

/** DynamoDB's item size limit: 400 KB, counting attribute names and values. */
export const MAX_ITEM_BYTES = 400 * 1024;

/** An item that passed DynamoDB's validation: canonical, frozen, sized and keyed. */
export interface AdmittedItem {
  readonly item: AttributeMap;
  readonly size: number;
  readonly key: ItemKey;
}

const asObject = (value: unknown, what: string): Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw validationException(`${what} must be a map of attribute names to AttributeValues`);
  }
  return value as Record<string, unknown>;
};

/**
 * Validates a whole item (put, or the result of an update) as DynamoDB does. `owned` items (built
 * for us, e.g. by `marshall`) are canonicalized in place instead of copied.
 */
export const admitItem = (
  schema: KeySchema,
  raw: unknown,
  forUpdate = false,
  owned = false,
): AdmittedItem => {
  const counter = { size: 0 };
  const item = admitAttributes(asObject(raw, 'Item'), counter, 0, owned);
  if (counter.size > MAX_ITEM_BYTES) {
    throw validationException(
      forUpdate
        ? 'Item size to update has exceeded the maximum allowed size'
        : 'Item size has exceeded the maximum allowed size',
    );
  }
  return { item, size: counter.size, key: keyOfItem(schema, item) };
};

/** Validates a key given on its own (get, update, delete). */
export const admitKey = (schema: KeySchema, raw: unknown, owned = false): ItemKey =>
  keyOfKey(schema, admitAttributes(asObject(raw, 'Key'), { size: 0 }, 0, owned));
