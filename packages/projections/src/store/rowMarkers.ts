import { describeErrors, sortableSequenceNumber } from '@sluice/core';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { Row, RowKey } from '../plan/row.js';
import type { Contribute } from '../plan/write.js';
import { contributionDeltas } from './contributionDeltas.js';

/** Names of the group-row attributes that hold markers (`Contribute.markerRow`) start with this. */
export const ROW_MARKER_PREFIX = 'sluice#';

/** The group-row attribute holding the marker of `markerId`. */
export const rowMarkerAttribute = (markerId: string): string => ROW_MARKER_PREFIX + markerId;

/** Whether a row attribute is a marker rather than one of the row's own values. */
export const isRowMarkerAttribute = (name: string): boolean => name.startsWith(ROW_MARKER_PREFIX);

/**
 * A marker as a group row holds it: the last applied change of one source item
 * (`sortableSequenceNumber`), what the item adds to this group now (`null`: nothing), and, after
 * a removal, when the marker may go. Read back from the table, so decoded, not trusted.
 */
export const RowMarkerCodec = t.intersection([
  t.type({
    sequenceNumber: t.string,
    amounts: t.union([t.null, t.record(t.string, t.number)]),
  }),
  t.partial({ expiresAt: t.number }),
]);

/** A decoded row marker. */
export type RowMarker = t.TypeOf<typeof RowMarkerCodec>;

/** A marker attribute of a group row does not have the shape the stores write. */
export interface CorruptRowMarker {
  readonly _tag: 'CorruptRowMarker';
  readonly table: string;
  readonly attribute: string;
  readonly message: string;
}

/** What one conditional write of a group row does: the rule both stores apply, computed once. */
export interface RowGroupUpdate {
  /** Indices, into the writes given, of those this update applies. */
  readonly applied: readonly number[];
  /** Indices of those the row's markers already reflect: nothing to write for them. */
  readonly stale: readonly number[];
  /** Amounts to add to the row (zeros create an amount the row lacks). */
  readonly amounts: Readonly<Record<string, number>>;
  /** Markers to set, by attribute. */
  readonly set: ReadonlyMap<string, RowMarker>;
  /** Attributes of expired markers (removed items) to drop. */
  readonly drop: readonly string[];
  /**
   * The sequence number each attribute set or dropped held when the row was read (`undefined`:
   * absent). The write is conditioned on all of them: if any moved, it changes nothing.
   */
  readonly seen: ReadonlyMap<string, string | undefined>;
}

const decodeMarker = (
  table: string,
  attribute: string,
  value: unknown,
): E.Either<CorruptRowMarker, RowMarker | undefined> => {
  if (value === undefined) return E.right(undefined);
  const decoded = RowMarkerCodec.decode(value);
  return E.isRight(decoded)
    ? decoded
    : E.left({
        _tag: 'CorruptRowMarker',
        table,
        attribute,
        message: `marker ${attribute} in a row of ${table} is malformed: ${describeErrors(decoded.left)}`,
      });
};

/**
 * Plans the `Contribute` writes (all with this `markerRow`) against the group row as read: a
 * write its marker already reflects is stale; the others add `contribution − marker` by the one
 * contribution rule and move their markers; the markers of removed items whose expiry the newest
 * applied change has reached are dropped. Pure: the stores only read the row and write the result.
 */
export const planRowGroup = (
  table: string,
  key: RowKey,
  row: Row | undefined,
  writes: readonly Contribute[],
): E.Either<CorruptRowMarker, RowGroupUpdate> => {
  const applied: number[] = [];
  const stale: number[] = [];
  const amounts: Record<string, number> = {};
  const set = new Map<string, RowMarker>();
  const seen = new Map<string, string | undefined>();
  let now: number | undefined;
  for (let i = 0; i < writes.length; i++) {
    const write = writes[i]!;
    const attribute = rowMarkerAttribute(write.markerId);
    const read = decodeMarker(table, attribute, row?.[attribute]);
    if (E.isLeft(read)) return read;
    const current = set.get(attribute) ?? read.right;
    const sequenceNumber = sortableSequenceNumber(write.sequenceNumber);
    if (current !== undefined && current.sequenceNumber >= sequenceNumber) {
      stale.push(i);
      continue;
    }
    const before = current?.amounts ? { group: key, amounts: current.amounts } : null;
    for (const delta of contributionDeltas(before, write))
      for (const name in delta.amounts) amounts[name] = (amounts[name] ?? 0) + delta.amounts[name]!;
    if (!seen.has(attribute)) seen.set(attribute, read.right?.sequenceNumber);
    set.set(attribute, {
      sequenceNumber,
      amounts: write.contribution?.amounts ?? null,
      ...(write.expiresAt === undefined ? {} : { expiresAt: write.expiresAt }),
    });
    if (write.changedAt !== undefined) now = Math.max(now ?? write.changedAt, write.changedAt);
    applied.push(i);
  }
  const drop: string[] = [];
  if (now !== undefined && row !== undefined)
    for (const name in row) {
      if (!isRowMarkerAttribute(name) || set.has(name)) continue;
      const read = decodeMarker(table, name, row[name]);
      if (E.isLeft(read)) return read;
      const expiresAt = read.right?.expiresAt;
      if (expiresAt === undefined || expiresAt > now) continue;
      drop.push(name);
      seen.set(name, read.right!.sequenceNumber);
    }
  return E.right({ applied, stale, amounts, set, drop, seen });
};

/** The row as it is after `update`: how the in-memory store applies it, and what a test expects. */
export const applyRowGroup = (
  key: RowKey,
  row: Row | undefined,
  update: RowGroupUpdate,
): Record<string, unknown> => {
  const next: Record<string, unknown> = { ...row, ...key };
  for (const name in update.amounts)
    next[name] = ((next[name] as number | undefined) ?? 0) + update.amounts[name]!;
  for (const [name, marker] of update.set) next[name] = marker;
  for (const name of update.drop) delete next[name];
  return next;
};

/** A row without its markers: what a reader of the group table cares about. */
export const withoutRowMarkers = (row: Row): Row => {
  let copy: Record<string, unknown> | undefined;
  for (const name in row)
    if (isRowMarkerAttribute(name)) {
      copy ??= { ...row };
      delete copy[name];
    }
  return copy ?? row;
};
