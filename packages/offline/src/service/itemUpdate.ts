import {
  applyUpdate,
  type Condition,
  type DocumentPath,
  evaluateCondition,
  type Update,
} from '../expression/expressions.js';
import type { AttributeMap } from '../item/attributeMap.js';
import type { KeySchema } from '../item/keySchema.js';
import { admitKey } from '../table/admitItem.js';
import { conditionalCheckFailed, validationException } from '../table/dynamoDbErrors.js';
import type { InMemoryTable } from '../table/inMemoryTable.js';

/** An UpdateExpression as the table's update function, recording which paths it touched. */
export interface ExpressionUpdate {
  readonly apply: (current: AttributeMap | undefined) => AttributeMap;
  /** The paths the last `apply` set or removed (for UPDATED_OLD / UPDATED_NEW). */
  readonly updatedPaths: () => readonly DocumentPath[];
}

/** Refuses an update that names a key attribute, even to set the value it already has. */
const checkKeyUntouched = (schema: KeySchema, update: Update): void => {
  const keyNames = [schema.partitionKey.name, schema.sortKey?.name];
  for (const action of update.actions) {
    const name = action.path[0];
    if (typeof name === 'string' && keyNames.includes(name)) {
      throw validationException(
        `One or more parameter values were invalid: Cannot update attribute ${name}. This attribute is part of the key`,
      );
    }
  }
};

/**
 * The update function for `key`: UpdateItem on a missing item starts from the key alone, and an
 * UpdateItem without an UpdateExpression only makes sure the item exists. With a `condition`, the
 * update runs only where the condition holds (conditions are checked before updates are applied).
 */
export const expressionUpdate = (
  engine: InMemoryTable,
  key: AttributeMap,
  update: Update | undefined,
  condition?: Condition,
): ExpressionUpdate => {
  if (update) checkKeyUntouched(engine.keySchema, update);
  const keys = admitKey(engine.keySchema, key).keys;
  let paths: readonly DocumentPath[] = [];
  return {
    apply: (current) => {
      // A failed condition is the outcome (the transaction reports it): the update never runs.
      if (condition !== undefined && !evaluateCondition(condition, current)) return current ?? keys;
      if (update === undefined) return current ?? keys;
      const result = applyUpdate(update, current ?? keys);
      paths = result.updatedPaths;
      return result.item;
    },
    updatedPaths: () => paths,
  };
};

/**
 * Checks a condition on the stored item before the update expression runs, as DynamoDB does: a
 * failed condition is reported even when the update would also have failed on that item.
 */
export const checkConditionFirst = (
  engine: InMemoryTable,
  key: AttributeMap,
  condition: Condition | undefined,
  onFailure: string | undefined,
): void => {
  if (condition === undefined) return;
  const current = engine.getItem(key);
  if (!evaluateCondition(condition, current)) {
    throw conditionalCheckFailed(onFailure === 'ALL_OLD' ? current : undefined);
  }
};
