import type {
  CancellationReason,
  TransactWriteItem,
  TransactWriteItemsInput,
} from '@aws-sdk/client-dynamodb';
import { transactionCanceled, validationException } from '../table/dynamoDbErrors.js';
import type { InMemoryTable } from '../table/inMemoryTable.js';
import { checkTransactionLength } from '../table/planTransaction.js';
import type { PlannedWrite } from '../table/planWrite.js';
import type { TransactWriteAction } from '../table/writeRequests.js';
import { expressionUpdate } from './itemUpdate.js';
import { compileRequest, writeCondition, writeOptions } from './requestExpressions.js';
import type { ServiceState } from './serviceState.js';
import { wireMap } from './wireJson.js';

const MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;

/** One table's share of a transaction: its actions and where they stand in the request. */
interface TableActions {
  readonly engine: InMemoryTable;
  readonly actions: TransactWriteAction[];
  readonly positions: number[];
}

const onlyMember = (item: TransactWriteItem) => {
  const members = (['Put', 'Update', 'Delete', 'ConditionCheck'] as const).filter(
    (m) => item[m] !== undefined,
  );
  if (members.length !== 1) {
    throw validationException('TransactItems can only contain one of Check, Put, Update or Delete');
  }
  return members[0] as (typeof members)[number];
};

const actionOf = (state: ServiceState, item: TransactWriteItem) => {
  const member = onlyMember(item);
  const request = item[member] as NonNullable<TransactWriteItem[typeof member]>;
  const { engine } = state.table(request.TableName);
  const compiled = compileRequest(request, engine.keySchema);
  const options = writeOptions(compiled.condition, request.ReturnValuesOnConditionCheckFailure);
  const key = 'Key' in request ? wireMap(request.Key) : {};
  const action = ((): TransactWriteAction => {
    switch (member) {
      case 'Put':
        return { type: 'put', item: wireMap(item.Put?.Item), ...options };
      case 'Update':
        return {
          type: 'update',
          key,
          update: expressionUpdate(engine, key, compiled.update, compiled.condition).apply,
          ...options,
        };
      case 'Delete':
        return { type: 'delete', key, ...options };
      case 'ConditionCheck':
        if (compiled.condition === undefined) {
          throw validationException('The expression can not be empty;');
        }
        return {
          ...options,
          type: 'conditionCheck',
          key,
          condition: writeCondition(compiled.condition),
        };
    }
  })();
  return { engine, action };
};

/**
 * TransactWriteItems across tables: every action is planned and its condition checked on every
 * table first; if any fails, TransactionCanceledException carries one reason per action and
 * nothing is written or streamed. Otherwise all writes are applied.
 */
export const transactWriteItems = (state: ServiceState, input: TransactWriteItemsInput) => {
  const items = input.TransactItems ?? [];
  checkTransactionLength(items.length);
  const token = input.ClientRequestToken;
  if (state.transactionTokens.alreadyApplied(token, items)) return {};
  const byTable = new Map<string, TableActions>();
  items.forEach((item, position) => {
    const { engine, action } = actionOf(state, item);
    let group = byTable.get(engine.tableName);
    if (group === undefined) {
      group = { engine, actions: [], positions: [] };
      byTable.set(engine.tableName, group);
    }
    group.actions.push(action);
    group.positions.push(position);
  });
  const reasons: CancellationReason[] = new Array(items.length);
  const commits: { engine: InMemoryTable; plans: PlannedWrite[] }[] = [];
  for (const { engine, actions, positions } of byTable.values()) {
    const planned = engine.planTransactWrite(actions);
    planned.reasons.forEach((reason, i) => {
      reasons[positions[i] as number] = reason;
    });
    const plans = planned.plans.filter((_, i) => actions[i]?.type !== 'conditionCheck');
    commits.push({ engine, plans });
  }
  // Each table checked its own share; the 4 MB bound holds for the whole transaction.
  const bytes = commits.reduce(
    (sum, { plans }) => plans.reduce((total, p) => total + (p.next?.size ?? 0), sum),
    0,
  );
  if (bytes > MAX_TRANSACTION_BYTES) {
    throw validationException('Transaction request exceeds the maximum allowed size of 4 MB');
  }
  if (reasons.some((r) => r.Code !== 'None')) throw transactionCanceled(reasons);
  for (const { engine, plans } of commits) engine.commitPlanned(plans);
  state.transactionTokens.applied(token, items);
  return {};
};
