import type { AttributeMap } from '../item/attributeMap.js';
import type { KeySchema } from '../item/keySchema.js';
import { type AdmittedItem, admitItem, admitKey } from './admitItem.js';
import { admitValue } from './admitValue.js';
import { attributesEqual, valuesEqual } from './attributesEqual.js';
import { validationException } from './dynamoDbErrors.js';
import type { ItemStore } from './itemStore.js';
import type { ItemUpdate } from './itemUpdate.js';
import type { ItemKey } from './tableItemKey.js';
import { applyUpdateActions } from './updateActions.js';

/**
 * Where writes are planned: the table's schema and items, and whether request values are
 * `owned` (freshly built for us by `marshall`, so they may be canonicalized in place).
 */
export interface PlanContext {
  readonly schema: KeySchema;
  readonly store: ItemStore;
  readonly owned: boolean;
}

/** A validated write, not yet applied: the item before and after (either may be absent). */
export interface PlannedWrite {
  readonly key: ItemKey;
  readonly oldItem: AttributeMap | undefined;
  readonly oldSize: number;
  readonly next: AdmittedItem | undefined;
}

const planned = (store: ItemStore, key: ItemKey, next: AdmittedItem | undefined): PlannedWrite => {
  const slot = store.get(key.id);
  // Reuse the stored key: records then share one `Keys` object per item instead of one each.
  return slot
    ? { key: slot.key, oldItem: slot.item, oldSize: slot.size, next }
    : { key, oldItem: undefined, oldSize: 0, next };
};

/** PutItem: replace the whole item. */
export const planPut = ({ schema, store, owned }: PlanContext, item: unknown): PlannedWrite => {
  const next = admitItem(schema, item, false, owned);
  return planned(store, next.key, next);
};

/** DeleteItem: remove the item if present. */
export const planDelete = ({ schema, store, owned }: PlanContext, key: unknown): PlannedWrite =>
  planned(store, admitKey(schema, key, owned), undefined);

/** UpdateItem: apply actions or a function to the current item, creating it if absent. */
export const planUpdate = (
  { schema, store, owned }: PlanContext,
  key: unknown,
  update: ItemUpdate,
): PlannedWrite => {
  const itemKey = admitKey(schema, key, owned);
  const current = store.get(itemKey.id)?.item;
  if (typeof update === 'function') {
    const next = admitItem(schema, keepKey(schema, itemKey, update(current)), true, owned);
    return planned(store, itemKey, next);
  }
  // The actions admit their values as they go, so the merged item is ours to freeze in place.
  const merged = applyUpdateActions(schema, itemKey.keys, current, update, owned);
  return planned(store, itemKey, admitItem(schema, merged, true, true));
};

/** The function's result with the key attributes filled in; changing them is an error. */
const keepKey = (schema: KeySchema, key: ItemKey, result: unknown): Record<string, unknown> => {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) {
    throw new TypeError('an update function must return the whole new item');
  }
  const next: Record<string, unknown> = { ...result };
  for (const attribute of [schema.partitionKey, schema.sortKey]) {
    if (attribute === undefined) continue;
    const expected = key.keys[attribute.name] as AttributeMap[string];
    const given = next[attribute.name];
    if (given === undefined) next[attribute.name] = expected;
    else if (!valuesEqual(admitValue(given, { size: 0 }), expected)) {
      throw validationException(
        `One or more parameter values were invalid: Cannot update attribute ${attribute.name}. This attribute is part of the key`,
      );
    }
  }
  return next;
};

/** Whether applying the plan changes the stored item (a no-op write emits no record). */
export const changesSomething = (plan: PlannedWrite): boolean =>
  plan.oldItem === undefined
    ? plan.next !== undefined
    : plan.next === undefined || !attributesEqual(plan.oldItem, plan.next.item);
