import type { AttributeMap } from '../item/attributeMap.js';
import { admitAttributes } from './admitValue.js';
import { valuesEqual } from './attributesEqual.js';

/**
 * A condition a write must meet, checked against the item as it is before the write; when it
 * fails the write throws `ConditionalCheckFailedException` and changes nothing. `V` is the value
 * type: AttributeValue for the DynamoDB-JSON methods, plain values for the document methods.
 */
export type WriteCondition<V = AttributeMap[string], I = AttributeMap> =
  /** `attribute_exists(<partition key>)`: the item must exist. */
  | { readonly type: 'itemExists' }
  /** `attribute_not_exists(<partition key>)`: the item must not exist (create-only put). */
  | { readonly type: 'itemNotExists' }
  /** `a = :a AND b = :b`: the item must exist and each attribute equal the value given. */
  | { readonly type: 'attributesEqual'; readonly attributes: Readonly<Record<string, V>> }
  /** Anything else, as a predicate over the current item (`undefined` when absent). */
  | {
      readonly type: 'matches';
      /** Decides on the current item (`undefined` when absent); false fails the write. */
      readonly test: (item: I | undefined) => boolean;
    };

/** Whether the condition holds for `current` (DynamoDB JSON, canonical). */
export const conditionHolds = (
  condition: WriteCondition<AttributeMap[string], AttributeMap>,
  current: AttributeMap | undefined,
): boolean => {
  switch (condition.type) {
    case 'itemExists':
      return current !== undefined;
    case 'itemNotExists':
      return current === undefined;
    case 'attributesEqual': {
      if (current === undefined) return false;
      // Canonicalize the expected values so "1.0" equals a stored "1" and set order is irrelevant.
      const expected = admitAttributes(condition.attributes, { size: 0 });
      for (const name of Object.keys(expected)) {
        const actual = current[name];
        if (actual === undefined || !valuesEqual(actual, expected[name] as AttributeMap[string]))
          return false;
      }
      return true;
    }
    case 'matches':
      return condition.test(current);
  }
};
