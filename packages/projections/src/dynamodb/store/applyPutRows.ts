import * as E from 'fp-ts/lib/Either.js';
import { rowId } from '../../plan/rowId.js';
import type { PutRow } from '../../plan/write.js';
import { BATCH_WRITE_MAX_ITEMS, putChunk } from '../io/batchWriteChunk.js';
import { chunks } from '../io/chunks.js';
import { eachWithLimit } from '../io/eachWithLimit.js';
import type { StoreContext } from './dynamoDbStoreOptions.js';
import { noProgress, type Progress } from './progress.js';

/** A `PutRow` write with its index in the planned batch. */
export interface PutRowEntry {
  readonly index: number;
  readonly write: PutRow;
}

interface Request {
  readonly tableName: string;
  /** Per distinct key, every write of that row (the last one is sent). */
  readonly rows: readonly (readonly PutRowEntry[])[];
}

/** One request per ≤ 25 distinct keys of a table; the last row wins when a key repeats. */
const requestsOf = (context: StoreContext, entries: readonly PutRowEntry[]): Request[] => {
  const byTable = new Map<string, Map<string, PutRowEntry[]>>();
  for (const entry of entries) {
    const rows = byTable.get(entry.write.table) ?? new Map<string, PutRowEntry[]>();
    byTable.set(entry.write.table, rows);
    const key = rowId(entry.write.table, entry.write.key);
    const same = rows.get(key) ?? [];
    rows.delete(key);
    rows.set(key, [...same, entry]);
  }
  return [...byTable].flatMap(([table, rows]) =>
    chunks([...rows.values()], BATCH_WRITE_MAX_ITEMS, Infinity, () => 0).map((chunk) => ({
      tableName: context.tableName(table),
      rows: chunk,
    })),
  );
};

/**
 * Applies `PutRow` writes as BatchWriteItem puts: rows are pure functions of their change, so a
 * replay rewrites identical rows and needs no guard. Items of at most 400 KB (checked before)
 * make 25 per request at most 10 MB, within the 16 MB request limit.
 */
export const applyPutRows = async (
  context: StoreContext,
  entries: readonly PutRowEntry[],
): Promise<Progress> => {
  if (entries.length === 0) return noProgress;
  const requests = requestsOf(context, entries);
  const outcomes = await eachWithLimit(requests, context.concurrency, (request) =>
    putChunk(
      { client: context.client, policy: context.policy, tableName: request.tableName },
      request.rows.map((same) => (same[same.length - 1] as PutRowEntry).write.row),
    ),
  );
  let written = 0;
  const unconfirmed: number[] = [];
  let cause: Progress['cause'];
  outcomes.forEach((outcome, i) => {
    const indices = (requests[i]?.rows ?? []).flat().map((entry) => entry.index);
    if (outcome !== undefined && E.isRight(outcome)) written += indices.length;
    else {
      unconfirmed.push(...indices);
      if (outcome !== undefined && E.isLeft(outcome)) cause ??= outcome.left;
    }
  });
  return { written, unchanged: 0, unconfirmed, cause };
};
