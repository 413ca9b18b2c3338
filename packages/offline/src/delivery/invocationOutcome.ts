import type { DynamoDBRecord } from 'aws-lambda';

/** How one invocation of the handler ended, as Lambda judges it. */
export type InvocationOutcome =
  | { readonly _tag: 'Succeeded' }
  /** Records before `firstFailed` (an index into the batch) are done; the rest is retried. */
  | { readonly _tag: 'PartiallyFailed'; readonly firstFailed: number }
  | {
      readonly _tag: 'Failed';
      readonly reason: 'Threw' | 'MalformedResponse' | 'ResponseLost';
      readonly message: string;
    };

const succeeded: InvocationOutcome = { _tag: 'Succeeded' };

const malformed = (message: string): InvocationOutcome => ({
  _tag: 'Failed',
  reason: 'MalformedResponse',
  message,
});

/**
 * Reads a handler's response as Lambda does with `ReportBatchItemFailures`: no response, no or
 * an empty `batchItemFailures` is success; an empty, missing or unknown `itemIdentifier` fails the
 * whole batch; otherwise the batch is retried from the lowest reported sequence number.
 */
export const outcomeOfResponse = (
  response: unknown,
  batch: readonly DynamoDBRecord[],
  reportsItemFailures: boolean,
): InvocationOutcome => {
  if (!reportsItemFailures || typeof response !== 'object' || response === null) return succeeded;
  const failures = (response as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null) return succeeded;
  if (!Array.isArray(failures)) return malformed('batchItemFailures is not an array');
  let firstFailed = Number.POSITIVE_INFINITY;
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || id === '') {
      return malformed(`itemIdentifier ${JSON.stringify(id)} is empty or not a string`);
    }
    const index = batch.findIndex((record) => record.dynamodb?.SequenceNumber === id);
    if (index < 0) return malformed(`itemIdentifier ${id} is not a sequence number of this batch`);
    // The batch is in sequence-number order, so the lowest index is the lowest sequence number.
    firstFailed = Math.min(firstFailed, index);
  }
  return firstFailed === Number.POSITIVE_INFINITY
    ? succeeded
    : { _tag: 'PartiallyFailed', firstFailed };
};
