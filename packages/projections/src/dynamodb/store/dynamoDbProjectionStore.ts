import * as E from 'fp-ts/lib/Either.js';
import type { PlannedBatch } from '../../plan/plannedBatch.js';
import { SOURCE_ATTRIBUTE } from '../../plan/write.js';
import type { Applied, ProjectionStore } from '../../store/projectionStore.js';
import { type ApplyFailed, applyFailed } from '../../store/storeError.js';
import { type ItemTooLarge, itemTooLarge } from '../errors/itemTooLarge.js';
import { itemSize, MAX_ITEM_BYTES } from '../size/itemSize.js';
import { applyContributes } from './applyContributes.js';
import { applyIfNewer, type IfNewerEntry } from './applyIfNewer.js';
import { applyPutRows, type PutRowEntry } from './applyPutRows.js';
import { applyRowContributes } from './applyRowContributes.js';
import type { ContributeEntry } from './contributionPlan.js';
import { type DynamoDbStoreOptions, storeContext } from './dynamoDbStoreOptions.js';
import type { Progress } from './progress.js';
import { scanTable } from './scanTable.js';

interface Sorted {
  readonly putRows: PutRowEntry[];
  readonly contributes: ContributeEntry[];
  /** Contributes keeping their markers in their group rows (`markerRow`). */
  readonly rowContributes: ContributeEntry[];
  readonly ifNewer: IfNewerEntry[];
  readonly tooLarge: ItemTooLarge[];
}

const sortWrites = (batch: PlannedBatch): Sorted => {
  const sorted: Sorted = {
    putRows: [],
    contributes: [],
    rowContributes: [],
    ifNewer: [],
    tooLarge: [],
  };
  batch.writes.forEach((write, index) => {
    if (write._tag === 'Contribute') {
      (write.markerRow === undefined ? sorted.contributes : sorted.rowContributes).push({
        index,
        write,
      });
      return;
    }
    if (write._tag === 'DeleteIfNewer') {
      sorted.ifNewer.push({ index, write });
      return;
    }
    const owner = write._tag === 'PutIfNewer' && write.source !== undefined;
    const sizeBytes = itemSize({
      ...write.row,
      ...write.key,
      ...(owner ? { [SOURCE_ATTRIBUTE]: write.source } : {}),
    });
    if (sizeBytes > MAX_ITEM_BYTES) {
      const origin = batch.origins[index] ?? index;
      const { table, key } = write;
      sorted.tooLarge.push(
        itemTooLarge({
          table,
          key,
          sizeBytes,
          limitBytes: MAX_ITEM_BYTES,
          writeIndex: index,
          origin,
        }),
      );
    } else if (write._tag === 'PutRow') sorted.putRows.push({ index, write });
    else sorted.ifNewer.push({ index, write });
  });
  return sorted;
};

/**
 * A `ProjectionStore` on DynamoDB (lib-dynamodb). `PutRow` → BatchWriteItem, `Contribute` →
 * marker reads + TransactWriteItems (a conditional PutItem when only the marker moves),
 * `PutIfNewer` → conditional PutItem (a transaction with its tombstone check), `DeleteIfNewer` →
 * tombstone put then conditional DeleteItem; all retried with backoff and jitter. The kinds run in that order and a failed kind stops the later ones.
 * A `Contribute` with `markerRow` keeps its marker in its group row: that row is read
 * (BatchGetItem) and updated by one conditional UpdateItem per row, no transaction.
 * Rows over 400 KB are reported as `ItemTooLarge` (with the record's index) and left unwritten
 * while the rest of the batch is applied. It creates no table: see `createProjectionTables`.
 */
export const dynamoDbProjectionStore = (options: DynamoDbStoreOptions): ProjectionStore => {
  const context = storeContext(options);
  return {
    apply: async (batch: PlannedBatch): Promise<E.Either<ApplyFailed, Applied>> => {
      const sorted = sortWrites(batch);
      const kinds: Array<[readonly { index: number }[], () => Promise<Progress>]> = [
        [sorted.putRows, () => applyPutRows(context, sorted.putRows)],
        [sorted.contributes, () => applyContributes(context, sorted.contributes)],
        [
          sorted.rowContributes,
          () => applyRowContributes(context, sorted.rowContributes, batch.origins),
        ],
        [sorted.ifNewer, () => applyIfNewer(context, sorted.ifNewer)],
      ];
      let written = 0;
      let unchanged = 0;
      const unconfirmed = sorted.tooLarge.map((error) => error.writeIndex);
      let cause: ApplyFailed['cause'] | undefined;
      for (const [entries, run] of kinds) {
        if (cause !== undefined) {
          unconfirmed.push(...entries.map((entry) => entry.index));
          continue;
        }
        const progress = await run();
        written += progress.written;
        unchanged += progress.unchanged;
        unconfirmed.push(...progress.unconfirmed);
        cause = progress.cause;
      }
      cause ??= sorted.tooLarge[0];
      if (cause === undefined) return E.right({ _tag: 'Applied', written, unchanged });
      return E.left(
        applyFailed(
          [...unconfirmed].sort((a, b) => a - b),
          cause,
        ),
      );
    },
    scan: (table: string) => scanTable(context.client, context.tableName(table)),
  };
};
