import * as E from 'fp-ts/lib/Either.js';
import type { PlannedBatch } from '../plan/plannedBatch.js';
import type { Row } from '../plan/row.js';
import type { Contribute, DeleteIfNewer, Write } from '../plan/write.js';
import { staleTouches } from '../store/contributionDeltas.js';
import { groupByRow } from '../store/groupByRow.js';
import type { Applied, ProjectionStore } from '../store/projectionStore.js';
import { applyRowGroup, planRowGroup } from '../store/rowMarkers.js';
import { type ApplyFailed, applyFailed, type StoreError } from '../store/storeError.js';
import { ContributionUnit } from './contributionUnit.js';
import { putLands, rowGoes, rowToPut, tombstoneToPut } from './ifNewerRules.js';
import { type ArmedFault, type FaultKind, SimulatedCrash } from './injectedFault.js';
import { type StoredRow, TableData } from './tableData.js';

// The store stopped at write `index`: it and every later write are unconfirmed.
const failedFrom = (
  index: number,
  writes: readonly Write[],
  cause: StoreError,
): E.Either<ApplyFailed, Applied> =>
  E.left(
    applyFailed(
      writes.map((_, j) => j).filter((j) => j >= index),
      cause,
    ),
  );

/**
 * A projection store in memory with the DynamoDB store's semantics and atomic units: each row
 * put is its own write (BatchWriteItem is not atomic), each archive put is one conditional
 * write (with its tombstone check), a delete is two (tombstone, then row), and contributions
 * commit in units of at most 100 actions (one TransactWriteItems).
 */
export class InMemoryProjectionStore implements ProjectionStore {
  private readonly data = new TableData();
  private fault: ArmedFault | undefined;
  /** Writes (row puts, archive puts, contribution units) committed since creation. */
  writeCount = 0;

  /** Arms a one-shot fault: after `writes` more writes, the next one crashes (throws) or fails. */
  failAfter(writes: number, kind: FaultKind = 'crash'): void {
    this.fault = { remaining: writes, kind };
  }

  /** Disarms a fault that has not fired. */
  clearFault(): void {
    this.fault = undefined;
  }

  async apply(batch: PlannedBatch): Promise<E.Either<ApplyFailed, Applied>> {
    const { writes } = batch;
    let written = 0;
    let unchanged = 0;
    let i = 0;
    while (i < writes.length) {
      const write = writes[i]!;
      if (write._tag === 'Contribute') {
        const outcome = this.contribute(i, writes);
        if ('_tag' in outcome) return outcome;
        written += outcome.written;
        unchanged += outcome.unchanged;
        i = outcome.next;
        continue;
      }
      if (write._tag === 'DeleteIfNewer') {
        const outcome = this.delete(i, writes, write);
        if (outcome === 'written') written++;
        else if (outcome === 'unchanged') unchanged++;
        else return outcome;
        i++;
        continue;
      }
      if (write._tag === 'PutIfNewer' && !putLands(this.data, write)) {
        unchanged++;
        i++;
        continue;
      }
      const failure = this.beforeWrite(i, writes);
      if (failure) return failure;
      // The planner built the row for this write alone: keep it as is (snapshots copy).
      const row = write._tag === 'PutIfNewer' ? rowToPut(write) : (write.row as StoredRow);
      this.data.put(write.table, write.key, row);
      written++;
      i++;
    }
    return E.right({ _tag: 'Applied', written, unchanged });
  }

  // The Contribute writes from `start` that fit one unit: stale ones first create the group rows
  // they name that are missing (one write each, as on DynamoDB), then the unit commits at once.
  // Writes keeping their marker in the group row skip the unit: each group row is one write.
  private contribute(
    start: number,
    writes: readonly Write[],
  ): { written: number; unchanged: number; next: number } | E.Either<ApplyFailed, Applied> {
    const unit = new ContributionUnit();
    const stale: Contribute[] = [];
    const inRows: Contribute[] = [];
    let next = start;
    for (; next < writes.length; next++) {
      const write = writes[next]!;
      if (write._tag !== 'Contribute') break;
      if (write.markerRow !== undefined) {
        inRows.push(write);
        continue;
      }
      const outcome = unit.offer(this.data, write);
      if (outcome === 'full') break;
      if (outcome === 'stale') stale.push(write);
    }
    for (const write of stale)
      for (const touch of staleTouches(write)) {
        if (this.data.get(write.table, touch.group) !== undefined) continue;
        const failure = this.beforeWrite(start, writes);
        if (failure) return failure;
        this.data.put(write.table, touch.group, { ...touch.amounts, ...touch.group });
      }
    if (unit.size > 0) {
      const failure = this.beforeWrite(start, writes);
      if (failure) return failure;
      unit.commit(this.data);
    }
    const rows = this.contributeInRows(start, writes, inRows);
    if ('_tag' in rows) return rows;
    const classic = next - start - inRows.length;
    return {
      written: classic - stale.length + rows.written,
      unchanged: stale.length + rows.unchanged,
      next,
    };
  }

  // One write per group row, as one conditional UpdateItem on DynamoDB: its markers and amounts.
  private contributeInRows(
    start: number,
    writes: readonly Write[],
    inRows: readonly Contribute[],
  ): { written: number; unchanged: number } | E.Either<ApplyFailed, Applied> {
    let written = 0;
    let unchanged = 0;
    for (const group of groupByRow(inRows)) {
      const { table, key } = group;
      const row = this.data.get(table, key);
      const update = planRowGroup(table, key, row, group.writes);
      if (E.isLeft(update)) return failedFrom(start, writes, update.left);
      unchanged += update.right.stale.length;
      if (update.right.applied.length === 0) continue;
      const failure = this.beforeWrite(start, writes);
      if (failure) return failure;
      this.data.put(table, key, applyRowGroup(key, row, update.right) as StoredRow);
      written += update.right.applied.length;
    }
    return { written, unchanged };
  }

  async scan(table: string): Promise<readonly Row[]> {
    return this.rows(table);
  }

  /** A deep copy of every table, rows in key order: compare two stores with `toEqual`. */
  tables(): Record<string, Row[]> {
    const out: Record<string, Row[]> = {};
    for (const name of this.data.names().sort()) out[name] = this.rows(name);
    return out;
  }

  private rows(table: string): Row[] {
    return this.data.rows(table).map((row) => structuredClone(row));
  }

  // Two writes, tombstone first, as on DynamoDB: a crash between them leaves the tombstone, and
  // the retry finds it and still deletes the row.
  private delete(
    index: number,
    writes: readonly Write[],
    write: DeleteIfNewer,
  ): 'written' | 'unchanged' | E.Either<ApplyFailed, Applied> {
    let changed = false;
    const tombstone = tombstoneToPut(this.data, write);
    if (tombstone !== undefined) {
      const failure = this.beforeWrite(index, writes);
      if (failure) return failure;
      this.data.put(write.tombstones, { tombstoneId: tombstone.tombstoneId as string }, tombstone);
      changed = true;
    }
    if (rowGoes(this.data, write)) {
      const failure = this.beforeWrite(index, writes);
      if (failure) return failure;
      this.data.delete(write.table, write.key);
      changed = true;
    }
    return changed ? 'written' : 'unchanged';
  }

  // Counts the write about to happen; fires the armed fault when its turn comes.
  private beforeWrite(
    index: number,
    writes: readonly Write[],
  ): E.Either<ApplyFailed, Applied> | undefined {
    const fault = this.fault;
    if (fault !== undefined) {
      if (fault.remaining === 0) {
        this.fault = undefined;
        if (fault.kind === 'crash')
          throw new SimulatedCrash(`crash before write ${this.writeCount}`);
        return failedFrom(index, writes, {
          _tag: 'InjectedFault',
          message: 'injected store failure',
        });
      }
      fault.remaining--;
    }
    this.writeCount++;
    return undefined;
  }
}
