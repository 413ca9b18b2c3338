import * as E from 'fp-ts/lib/Either.js';
import type { Row } from '../../plan/row.js';
import type { RowGroupWrites } from '../../store/groupByRow.js';
import { applyRowGroup, planRowGroup } from '../../store/rowMarkers.js';
import type { StoreError } from '../../store/storeError.js';
import { itemTooLarge } from '../errors/itemTooLarge.js';
import { itemSize, MAX_ITEM_BYTES } from '../size/itemSize.js';
import type { ContributeEntry } from './contributionPlan.js';
import type { StoreContext } from './dynamoDbStoreOptions.js';
import { rowUpdateRequests } from './rowUpdateRequests.js';
import { sendRowUpdate } from './sendRowUpdate.js';

/** A group row's writes, each with its index in the planned batch. */
export interface RowWork {
  readonly group: RowGroupWrites;
  /** `entries[i]` is `group.writes[i]` with its index. */
  readonly entries: readonly ContributeEntry[];
}

/** What updating one group row achieved. */
export interface RowResult {
  readonly written: number;
  readonly unchanged: number;
  /** Entries whose update found a marker moved by another writer: to read and plan again. */
  readonly contended: readonly ContributeEntry[];
  /** The row refused them for good (a corrupt marker, over 400 KB): not applied, and why. */
  readonly refused?: { readonly cause: StoreError; readonly unconfirmed: readonly number[] };
}

/** A request failed for a reason retrying did not clear; `unconfirmed` lists the row's entries. */
export interface RowFailure {
  readonly cause: StoreError;
  readonly unconfirmed: readonly number[];
}

/**
 * Plans the row's writes against the row as read (`planRowGroup`) and sends the result, one
 * conditional UpdateItem (several for very many markers, in order, each self-contained). Stale
 * writes send nothing; after a refused condition the rest is handed back, not resent.
 */
export const updateGroupRow = async (
  context: StoreContext,
  { group, entries }: RowWork,
  row: Row | undefined,
  origins: readonly number[],
): Promise<E.Either<RowFailure, RowResult>> => {
  const tableName = context.tableName(group.table);
  const indices = (of: readonly number[]) => of.map((i) => entries[i]!.index);
  const refuse = (cause: StoreError): E.Either<RowFailure, RowResult> => {
    const refused = { cause, unconfirmed: entries.map((entry) => entry.index) };
    return E.right({ written: 0, unchanged: 0, contended: [], refused });
  };
  const plan = planRowGroup(tableName, group.key, row, group.writes);
  if (E.isLeft(plan)) return refuse(plan.left);
  const requests = rowUpdateRequests(tableName, group.key, row, group.writes, plan.right);
  if (E.isLeft(requests)) return refuse(requests.left);
  const unchanged = plan.right.stale.length;
  let written = 0;
  const queue = [...requests.right];
  for (let request = queue.shift(); request !== undefined; request = queue.shift()) {
    const left = [...request.applies, ...queue.flatMap((later) => later.applies)];
    const sent = await sendRowUpdate(context, request.input);
    if (E.isLeft(sent)) return E.left({ cause: sent.left, unconfirmed: indices(left) });
    if (sent.right === 'markerMoved')
      return E.right({ written, unchanged, contended: left.map((i) => entries[i]!) });
    if (sent.right === 'tooLarge') {
      const writeIndex = entries[left[0] ?? 0]!.index;
      const cause = itemTooLarge({
        table: tableName,
        key: group.key,
        sizeBytes: itemSize(applyRowGroup(group.key, row, plan.right)),
        limitBytes: MAX_ITEM_BYTES,
        writeIndex,
        origin: origins[writeIndex] ?? writeIndex,
      });
      return E.right({
        written,
        unchanged,
        contended: [],
        refused: { cause, unconfirmed: indices(left) },
      });
    }
    written += request.applies.length;
  }
  return E.right({ written, unchanged, contended: [] });
};
