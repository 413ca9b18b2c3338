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
    Message: 'The conditional request failed',
    ...(action.returnValuesOnConditionCheckFailure === 'ALL_OLD' && plan.oldItem
      ? { Item: plan.oldItem }
      : {}),
  };
};

/**
 * Validates a TransactWriteItems (1–100 actions, distinct items, 4 MB) and checks every condition;
 * any failure throws before anything is applied. Returns the writes to apply (condition checks omitted).
 */
export const planTransaction = (
  context: PlanContext,
  actions: readonly TransactWriteAction[],
): PlannedWrite[] => {
  if (actions.length === 0 || actions.length > MAX_ACTIONS) {
    throw validationException(
      `1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length between 1 and ${MAX_ACTIONS}`,
    );
  }
  const plans = actions.map((action) => planAction(context, action));
  if (new Set(plans.map((p) => p.key.id)).size !== plans.length) {
    throw validationException('Transaction request cannot include multiple operations on one item');
  }
  if (plans.reduce((sum, p) => sum + (p.next?.size ?? 0), 0) > MAX_BYTES) {
    throw validationException('Transaction request exceeds the maximum allowed size of 4 MB');
  }
  const reasons = actions.map((action, i) => reasonFor(action, plans[i] as PlannedWrite));
  if (reasons.some((r) => r.Code !== 'None')) throw transactionCanceled(reasons);
  return plans.filter((_, i) => actions[i]?.type !== 'conditionCheck');
};
