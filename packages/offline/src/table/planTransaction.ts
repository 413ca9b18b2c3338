import type { CancellationReason } from '@aws-sdk/client-dynamodb';
import { admitKey } from './admitItem.js';
import { transactionCanceled, validationException } from './dynamoDbErrors.js';
import {
  type PlanContext,
  type PlannedWrite,
  planDelete,
  planPut,
  planUpdate,
} from './planWrite.js';
import { conditionHolds } from './writeCondition.js';
import type { TransactWriteAction } from './writeRequests.js';

const MAX_ACTIONS = 100;
const MAX_BYTES = 4 * 1024 * 1024;

const planAction = (context: PlanContext, action: TransactWriteAction): PlannedWrite => {
  switch (action.type) {
    case 'put':
      return planPut(context, action.item);
    case 'update':
      return planUpdate(context, action.key, action.update);
    case 'delete':
      return planDelete(context, action.key);
    case 'conditionCheck': {
      const key = admitKey(context.schema, action.key, context.owned);
      const slot = context.store.get(key.id);
      // A condition check writes nothing: its "next" is the item as it is.
      return {
        key,
        oldItem: slot?.item,
        oldSize: slot?.size ?? 0,
        next: slot && { item: slot.item, size: slot.size, key },
      };
    }
  }
};

const reasonFor = (action: TransactWriteAction, plan: PlannedWrite): CancellationReason => {
  if (action.condition === undefined || conditionHolds(action.condition, plan.oldItem))
    return { Code: 'None' };
  return {
    Code: 'ConditionalCheckFailed',
    // DynamoDB Local's wording, which ends in a full stop only for ConditionCheck actions.
    Message:
      action.type === 'conditionCheck'
        ? 'The conditional request failed.'
        : 'The conditional request failed',
    ...(action.returnValuesOnConditionCheckFailure === 'ALL_OLD' && plan.oldItem
      ? { Item: plan.oldItem }
      : {}),
  };
};

/** The planned writes of some transaction actions and, per action, whether its condition holds. */
export interface PlannedActions {
  /** One plan per action, in order (a condition check's plan leaves the item as it is). */
  readonly plans: PlannedWrite[];
  readonly reasons: CancellationReason[];
}

/** Plans each action and checks its condition, throwing only for invalid requests. */
export const planTransactionActions = (
  context: PlanContext,
  actions: readonly TransactWriteAction[],
): PlannedActions => {
  const plans = actions.map((action) => planAction(context, action));
  return {
    plans,
    reasons: actions.map((action, i) => reasonFor(action, plans[i] as PlannedWrite)),
  };
};

/** Refuses a transaction whose actions count is out of 1–100. */
export const checkTransactionLength = (length: number): void => {
  if (length === 0) {
    throw validationException(
      "Value [] at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  }
  if (length > MAX_ACTIONS) {
    throw validationException(
      `1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length between 1 and ${MAX_ACTIONS}`,
    );
  }
};

/** Refuses two actions on one item, and more than 4 MB of items, in the plans of one table. */
export const checkTransactionPlans = (plans: readonly PlannedWrite[], bytesBefore = 0): number => {
  if (new Set(plans.map((p) => p.key.id)).size !== plans.length) {
    throw validationException('Transaction request cannot include multiple operations on one item');
  }
  const bytes = plans.reduce((sum, p) => sum + (p.next?.size ?? 0), bytesBefore);
  if (bytes > MAX_BYTES) {
    throw validationException('Transaction request exceeds the maximum allowed size of 4 MB');
  }
  return bytes;
};

/**
 * Validates a TransactWriteItems (1–100 actions, distinct items, 4 MB) and checks every condition;
 * any failure throws before anything is applied. Returns the writes to apply (condition checks omitted).
 */
export const planTransaction = (
  context: PlanContext,
  actions: readonly TransactWriteAction[],
): PlannedWrite[] => {
  checkTransactionLength(actions.length);
  const { plans, reasons } = planTransactionActions(context, actions);
  checkTransactionPlans(plans);
  if (reasons.some((r) => r.Code !== 'None')) throw transactionCanceled(reasons);
  return plans.filter((_, i) => actions[i]?.type !== 'conditionCheck');
};
