import { compareSequenceNumbers } from '@sluice/core';
import type { RowKey } from '../../plan/row.js';
import { rowId } from '../../plan/rowId.js';
import type { Contribute } from '../../plan/write.js';
import { contributionDeltas } from '../../store/contributionDeltas.js';
import { TRANSACT_MAX_ACTIONS } from '../io/transactWrite.js';
import type { Marker } from './marker.js';

/** A `Contribute` write with its index in the planned batch. */
export interface ContributeEntry {
  readonly index: number;
  readonly write: Contribute;
}

/** Amounts to `ADD` to one group row (physical table name). */
export interface GroupUpdate {
  readonly table: string;
  readonly key: RowKey;
  readonly amounts: Readonly<Record<string, number>>;
}

/** One not-yet-applied `Contribute`: the marker it read, and the group deltas it implies. */
export interface Step {
  readonly entry: ContributeEntry;
  /** The marker as read (undefined: none), which the marker put is conditioned on. */
  readonly marker: Marker | undefined;
  readonly groups: ReadonlyMap<string, GroupUpdate>;
}

/** One TransactWriteItems call: the markers of `steps`, and their group deltas summed per group. */
export interface PlannedTransaction {
  readonly steps: readonly Step[];
  readonly groups: ReadonlyMap<string, GroupUpdate>;
}

const isZero = (update: GroupUpdate): boolean =>
  Object.values(update.amounts).every((amount) => amount === 0);

/**
 * The step for a `Contribute` given its marker, or `undefined` when the marker already reflects
 * this sequence number or a later one (applying again would double count). Its group deltas
 * follow the one contribution rule (`contributionDeltas`). An unchanged contribution still moves
 * the marker: otherwise a stale replay of a change between the two sequence numbers (a zombie
 * consumer) would pass the guard and undo the newer state.
 */
export const stepOf = (
  entry: ContributeEntry,
  marker: Marker | undefined,
  groupTable: string,
): Step | undefined => {
  if (marker && compareSequenceNumbers(marker.sequenceNumber, entry.write.sequenceNumber) >= 0)
    return undefined;
  const groups = new Map<string, GroupUpdate>();
  for (const delta of contributionDeltas(marker?.contribution ?? null, entry.write))
    groups.set(rowId(groupTable, delta.group), {
      table: groupTable,
      key: delta.group,
      amounts: delta.amounts,
    });
  return { entry, marker, groups };
};

const markerId = (step: Step): string =>
  `${step.entry.write.markerTable}\u0000${step.entry.write.markerId}`;

/**
 * Packs steps, in order, into transactions of at most 100 actions (one marker put per step, one
 * update per distinct group), so each transaction carries exactly the deltas of its own markers:
 * a crash between two transactions leaves every group consistent with the markers written.
 * Zero deltas are idempotent, so when one step alone is too large its zero-delta groups go in
 * transactions of their own, placed before it (a crash then cannot skip them).
 * Actions are small (a marker holds a group key and a few numbers), so 100 of them stay far
 * below the 4 MB request limit.
 */
export const packTransactions = (steps: readonly Step[]): readonly PlannedTransaction[] => {
  const out: PlannedTransaction[] = [];
  let current = { steps: [] as Step[], groups: new Map<string, GroupUpdate>() };
  let markers = new Set<string>();
  const close = (): void => {
    if (current.steps.length > 0 || current.groups.size > 0) out.push(current);
    current = { steps: [], groups: new Map() };
    markers = new Set();
  };
  const added = (step: Step): number =>
    1 + [...step.groups.keys()].filter((id) => !current.groups.has(id)).length;

  for (const original of steps) {
    let step = original;
    // Two puts on one marker may not share a transaction; the later one re-reads on conflict.
    if (
      markers.has(markerId(step)) ||
      current.steps.length + current.groups.size + added(step) > TRANSACT_MAX_ACTIONS
    )
      close();
    if (1 + step.groups.size > TRANSACT_MAX_ACTIONS) {
      const zero = [...step.groups].filter(([, update]) => isZero(update));
      for (let i = 0; i < zero.length; i += TRANSACT_MAX_ACTIONS)
        out.push({ steps: [], groups: new Map(zero.slice(i, i + TRANSACT_MAX_ACTIONS)) });
      step = { ...step, groups: new Map([...step.groups].filter(([, update]) => !isZero(update))) };
    }
    current.steps.push(step);
    markers.add(markerId(step));
    for (const [id, update] of step.groups) {
      const previous = current.groups.get(id);
      if (!previous) current.groups.set(id, update);
      else {
        const amounts: Record<string, number> = { ...previous.amounts };
        for (const [name, value] of Object.entries(update.amounts))
          amounts[name] = (amounts[name] ?? 0) + value;
        current.groups.set(id, { ...previous, amounts });
      }
    }
  }
  close();
  return out;
};
