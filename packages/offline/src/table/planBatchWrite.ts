import { validationException } from './dynamoDbErrors.js';
import { type PlanContext, type PlannedWrite, planDelete, planPut } from './planWrite.js';
import type { BatchWriteRequest } from './writeRequests.js';

const MAX_REQUESTS = 25;
const MAX_BYTES = 16 * 1024 * 1024;

/** Validates a BatchWriteItem (1–25 requests, distinct items, 16 MB) before any request is applied. */
export const planBatchWrite = (
  context: PlanContext,
  requests: readonly BatchWriteRequest[],
): PlannedWrite[] => {
  if (requests.length === 0)
    throw validationException('The batch write request list for a table cannot be empty');
  if (requests.length > MAX_REQUESTS)
    throw validationException('Too many items requested for the BatchWriteItem call');
  const plans = requests.map((r) =>
    r.type === 'put' ? planPut(context, r.item) : planDelete(context, r.key),
  );
  if (new Set(plans.map((p) => p.key.id)).size !== plans.length) {
    throw validationException('Provided list of item keys contains duplicates');
  }
  if (plans.reduce((sum, p) => sum + (p.next?.size ?? 0), 0) > MAX_BYTES) {
    throw validationException(
      'Item collection size exceeded: a BatchWriteItem request may not exceed 16 MB',
    );
  }
  return plans;
};
