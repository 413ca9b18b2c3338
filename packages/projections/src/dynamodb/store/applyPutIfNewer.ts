import * as E from 'fp-ts/lib/Either.js';
import type { PutIfNewer } from '../../plan/write.js';
import { conditionalPut } from '../io/conditionalPut.js';
import { eachWithLimit } from '../io/eachWithLimit.js';
import type { StoreContext } from './dynamoDbStoreOptions.js';
import { noProgress, type Progress } from './progress.js';

/** A `PutIfNewer` write with its index in the planned batch. */
export interface PutIfNewerEntry {
  readonly index: number;
  readonly write: PutIfNewer;
}

/**
 * Applies `PutIfNewer` writes, one conditional PutItem each: written iff no row has the key or
 * the stored version is lower (fixed-width strings, so string order is numeric order). A failed
 * condition is an earlier replay or a newer removal already archived, counted as already applied.
 */
export const applyPutIfNewer = async (
  context: StoreContext,
  entries: readonly PutIfNewerEntry[],
): Promise<Progress> => {
  if (entries.length === 0) return noProgress;
  const outcomes = await eachWithLimit(entries, context.concurrency, ({ write }) => {
    const keyName = Object.keys(write.key)[0] ?? write.versionAttribute;
    return conditionalPut(context.client, context.policy, {
      TableName: context.tableName(write.table),
      Item: { ...write.row, ...write.key },
      ConditionExpression: 'attribute_not_exists(#key) OR #version < :version',
      ExpressionAttributeNames: { '#key': keyName, '#version': write.versionAttribute },
      ExpressionAttributeValues: { ':version': write.row[write.versionAttribute] },
    });
  });
  let written = 0;
  let unchanged = 0;
  const unconfirmed: number[] = [];
  let cause: Progress['cause'];
  outcomes.forEach((outcome, i) => {
    const index = entries[i]?.index ?? -1;
    if (outcome === undefined) unconfirmed.push(index);
    else if (E.isLeft(outcome)) {
      unconfirmed.push(index);
      cause ??= outcome.left;
    } else if (outcome.right === 'written') written += 1;
    else unchanged += 1;
  });
  return { written, unchanged, unconfirmed, cause };
};
