import type { SequenceNumber } from '@sluice/core';
import { markerIdOf } from './markerId.js';
import { type MarkerScope, markerPrefix } from './markerScope.js';
import type { Amounts, Row, RowKey } from './row.js';

/**
 * Upsert a row whose key embeds the change's identity (an order-history row keyed by order id and
 * sortable sequence number). The row MUST be a pure function of the change, so a replay writes an
 * identical row: the store may write it unconditionally, any number of times (BatchWriteItem).
 */
export interface PutRow {
  readonly _tag: 'PutRow';
  readonly table: string;
  /** The key attributes of `row`, repeated so the store needs no key schema. */
  readonly key: RowKey;
  /** The whole row, key attributes included. */
  readonly row: Row;
}

/** What one source item adds to one group: its group row key and amounts. */
export interface Contribution {
  readonly group: RowKey;
  readonly amounts: Amounts;
}

/**
 * "Source item `markerId`, as of `sequenceNumber`, contributes `contribution` to its group"
 * (`null`: nothing, e.g. after its removal). A plain ADD is not idempotent, so the store keeps one
 * marker per source item, `{ sequenceNumber, contribution }`, and MUST apply this write so that:
 *
 * - marker.sequenceNumber >= sequenceNumber → already applied (or superseded): change no amount
 *   and never the marker, but create, with 0 for each amount, the rows of the groups it names
 *   that do not exist yet (a redriven letter overtaken by a later change of its item must leave
 *   the same rows as a clean pass);
 * - otherwise, in ONE atomic unit: add `contribution − marker.contribution` to the group rows
 *   (subtract the old amounts from the old group, add the new ones to the new group; a move between
 *   groups is two updates), add zero to every group of `alsoTouches`, and set the marker to
 *   `{ sequenceNumber, contribution }`. A missing marker counts as `{ contribution: null }`.
 *
 * Every group named (old, new, `alsoTouches`) gets its row, with 0 for each amount it never had,
 * even when the delta is zero: which group rows exist then never depends on how records were batched.
 * One exception, a MUST (so both stores leave identical rows): a zero delta on the marker's own
 * group is not written (that row exists already). An unchanged contribution still moves the
 * marker: a coalesced write may stand for changes in between (remove, then re-insert as before),
 * and a stale replay of those (a zombie consumer) must then be recognised as older.
 * Several Contribute writes of one apply MAY share one atomic unit, with per-group deltas summed
 * (one update per group per unit; on DynamoDB one TransactWriteItems: ≤ 100 actions, never two on
 * one item, a condition on each marker's previous sequence number). Sequence numbers compared are
 * always of one item, hence of one shard lineage. Amounts SHOULD be integers (cents, not euros):
 * DynamoDB adds decimals exactly, JavaScript numbers do not.
 */
export interface Contribute {
  readonly _tag: 'Contribute';
  /** The aggregate table: one row per group, keyed by the group key's attributes. */
  readonly table: string;
  /** The table of per-item markers (partition key `markerId`, a string). */
  readonly markerTable: string;
  /** The source item's identity, unique across projections: `<projection>@<version>|<item key>`. */
  readonly markerId: string;
  /** Sequence number of the latest change this contribution reflects. */
  readonly sequenceNumber: SequenceNumber;
  readonly contribution: Contribution | null;
  /**
   * Groups the item passed through earlier in the same planned batch (amounts all zero), so their
   * rows exist exactly as they would after applying the changes one by one.
   */
  readonly alsoTouches: readonly Contribution[];
  /**
   * After a removal: when the marker may expire (epoch seconds, the marker table's TTL), once no
   * replay of the stream can reach the item's changes (`tombstoneExpiresAt`). The store keeps it
   * on the marker, and a later contribution's marker drops it, so the marker table stays
   * proportional to the live items.
   */
  readonly expiresAt?: number;
  /**
   * Keeps the marker in the group row itself instead of in `markerTable` (which then names
   * `table`): for aggregates whose group follows from the source item's key, so it never moves.
   * The row holds it as attribute `sluice#<markerId>` (`rowMarkerAttribute`), and one
   * conditional write of that row both moves its markers and adds their deltas: no transaction,
   * no marker item. Its `contribution` MUST then be `null` or in this group, and `alsoTouches`
   * name only this group (`defineProjection` refuses any other; coalescing an item's changes
   * adds zeros for its own group, so the amounts a row holds never depend on batching).
   */
  readonly markerRow?: RowKey;
  /**
   * With `markerRow`: the change's time (epoch seconds). Applying it drops, from the row, the
   * markers of removed items whose `expiresAt` it has reached, so a group row holds markers of
   * its live items, not of every item it ever had.
   */
  readonly changedAt?: number;
}

/**
 * Put a row unless the stored row's version is newer or equal. Versions are fixed-width strings
 * (`sortableSequenceNumber`), compared as strings.
 *
 * Versions are sequence numbers, and sequence numbers compare only within ONE item's history
 * (and along its shard's lineage): across items and shards they say nothing. So:
 *
 * - Without `source` the store MUST put atomically iff no row exists or
 *   `stored[versionAttribute] < row[versionAttribute]`. Safe only when every write to a row comes
 *   from one source item, e.g. the row key IS the source item's key (an archived removal).
 * - With `source` (the source item's identity, `event.itemKey`) the row belongs to the item that
 *   wrote it (attribute `sluiceSource`) and the store MUST put iff no row exists, or
 *   `stored.sluiceSource === source` and the stored version is lower. A write from another item
 *   never overwrites the row and never compares versions with it: the row keeps its owner until
 *   that owner lets go (`DeleteIfNewer` with the same `source`). Rows that pass from item to item
 *   across shards (an email moving between users) need the item in the row key instead
 *   (`{ email, userId }`): a hand-over delivered before the release is refused.
 * - With `tombstones` the put is also refused while that table holds a tombstone of this row (and
 *   source) with an equal or newer version: a stale replay never resurrects a deleted row. On
 *   DynamoDB: one TransactWriteItems (the conditional Put and a ConditionCheck of the tombstone).
 *
 * A refused write means "already applied or superseded"; a replay rewrites nothing.
 */
export interface PutIfNewer {
  readonly _tag: 'PutIfNewer';
  readonly table: string;
  readonly key: RowKey;
  /** The whole row, key attributes and version attribute included. */
  readonly row: Row;
  /** Name of the row attribute holding the version. */
  readonly versionAttribute: string;
  /** The source item owning the row (`event.itemKey`); stored as `sluiceSource`. */
  readonly source?: string;
  /** The tombstone table of this row's `DeleteIfNewer` writes, checked before the put. */
  readonly tombstones?: string;
}

/**
 * Delete a row unless a newer version is stored (with `source`: only a row that source owns,
 * see `PutIfNewer`), and record a versioned tombstone so that a stale replay of an older put
 * cannot bring the row back. The store MUST, in this order (each step idempotent, so a retry
 * after a crash completes the delete):
 *
 * 1. put the tombstone `{ tombstoneId, version, expiresAt }` into `tombstones` iff none is stored
 *    or the stored one's version is lower (`tombstoneId` is `tombstoneIdOf(table, key, source)`);
 * 2. delete the row iff it exists, its version is lower than `version` and (with `source`) its
 *    `sluiceSource` equals `source`.
 *
 * `expiresAt` (epoch seconds; the tombstone table's TTL) must outlive every replay of the changes
 * before it: the stream keeps records 24 hours, so the change's time + 25 hours
 * (`tombstoneExpiresAt`).
 */
export interface DeleteIfNewer {
  readonly _tag: 'DeleteIfNewer';
  readonly table: string;
  readonly key: RowKey;
  /** The deleting change's version, in the form `PutIfNewer` rows hold it. */
  readonly version: string;
  /** Name of the row attribute holding the version. */
  readonly versionAttribute: string;
  /** The source item that must own the row for it to be deleted. */
  readonly source?: string;
  /** The tombstone table (partition key `tombstoneId`, S; TTL on `expiresAt`). */
  readonly tombstones: string;
  /** When the tombstone may expire, in epoch seconds. */
  readonly expiresAt: number;
}

/**
 * A tombstone as both stores hold it, in `DeleteIfNewer.tombstones`, so the contract suite can
 * compare them row for row.
 */
export interface TombstoneRow {
  readonly tombstoneId: string;
  readonly version: string;
  readonly expiresAt: number;
}

/** The attribute naming a `PutIfNewer` row's owning source item. */
export const SOURCE_ATTRIBUTE = 'sluiceSource';

/** The writes a projection plans; the store owns how they reach the table. */
export type Write = PutRow | Contribute | PutIfNewer | DeleteIfNewer;

/**
 * The marker a store keeps per source item of an aggregate, in `Contribute.markerTable`, exactly
 * as stored: both stores hold this shape, so the contract suite can compare them row for row.
 */
export interface MarkerRow {
  readonly markerId: string;
  /** `sortableSequenceNumber` of the last applied change (40 digits, string order = numeric order). */
  readonly sequenceNumber: string;
  readonly contribution: Contribution | null;
  /** Set after a removal: the TTL (epoch seconds) after which DynamoDB deletes the marker. */
  readonly expiresAt?: number;
}

/** Builds a `PutRow`. */
export const putRow = (table: string, key: RowKey, row: Row): PutRow => ({
  _tag: 'PutRow',
  table,
  key,
  row,
});

/** Optional parts of a `PutIfNewer`: its owning source item and its tombstone table. */
export interface PutIfNewerOptions {
  /** The source item's identity (`event.itemKey`): the row is owned by it (see `PutIfNewer`). */
  readonly source?: string;
  /** The tombstone table written by this row's `DeleteIfNewer` writes. */
  readonly tombstones?: string;
}

/** Builds a `PutIfNewer`. */
export const putIfNewer = (
  table: string,
  key: RowKey,
  row: Row,
  versionAttribute: string,
  options: PutIfNewerOptions = {},
): PutIfNewer => ({
  _tag: 'PutIfNewer',
  table,
  key,
  row,
  versionAttribute,
  ...(options.source === undefined ? {} : { source: options.source }),
  ...(options.tombstones === undefined ? {} : { tombstones: options.tombstones }),
});

/** What a `DeleteIfNewer` needs beyond the row: its tombstone table and expiry, and its owner. */
export interface DeleteIfNewerOptions {
  /** The source item that must own the row (as in `PutIfNewer`). */
  readonly source?: string;
  /** The tombstone table (see `tombstoneTableSpec`). */
  readonly tombstones: string;
  /** Epoch seconds: `tombstoneExpiresAt(event.approximateCreationTime)`. */
  readonly expiresAt: number;
}

/** Builds a `DeleteIfNewer`. */
export const deleteIfNewer = (
  table: string,
  key: RowKey,
  version: string,
  versionAttribute: string,
  options: DeleteIfNewerOptions,
): DeleteIfNewer => ({
  _tag: 'DeleteIfNewer',
  table,
  key,
  version,
  versionAttribute,
  ...(options.source === undefined ? {} : { source: options.source }),
  tombstones: options.tombstones,
  expiresAt: options.expiresAt,
});

// The stream keeps records 24 hours; an hour more covers clock skew and a slow last retry.
const TOMBSTONE_LIFETIME_SECONDS = 25 * 60 * 60;

/** When a tombstone written for a change made at `changedAt` may expire: 25 hours later, epoch seconds. */
export const tombstoneExpiresAt = (changedAt: Date): number =>
  Math.floor(changedAt.getTime() / 1000) + TOMBSTONE_LIFETIME_SECONDS;

/**
 * What `contribute` takes: the projection's marker scope, the change, the table, the
 * contribution, and where the marker lives: `markerTable` (partition key `markerId`, S; may be
 * shared by aggregates), or `markerRow`, the group row of `table` that keeps it, for groups that
 * follow from the item's key (see `Contribute.markerRow`).
 */
export type ContributeInput = {
  /** The projection's name and version: its markers live under `<name>@<version>|`. */
  readonly projection: MarkerScope;
  /**
   * The change: its source item's identity and sequence number (a `ChangeEvent` fits). With
   * `markerRow`, its time too: it sets `changedAt`, and after a removal the marker's expiry.
   */
  readonly event: {
    readonly itemKey: string;
    readonly sequenceNumber: SequenceNumber;
    readonly approximateCreationTime?: Date;
  };
  /** The aggregate table (one row per group). */
  readonly table: string;
  /** What the item contributes now; `null` after its removal or when it counts nowhere. */
  readonly contribution: Contribution | null;
} & (
  | { readonly markerTable: string; readonly markerRow?: never }
  | { readonly markerRow: RowKey; readonly markerTable?: never }
);

// Where the marker lives; neither or both places is a programmer error, refused at once.
const markerPlaceOf = (input: ContributeInput): string => {
  if ((input.markerTable === undefined) === (input.markerRow === undefined))
    throw new TypeError('contribute() takes exactly one of markerTable and markerRow');
  return input.markerTable ?? input.table;
};

/**
 * The times a marker kept in its group row carries: the change's (`changedAt`, epoch seconds)
 * and, once its item is gone (`removed`), when it may leave the row (`expiresAt`).
 */
export const rowMarkerTimes = (
  changedAt: Date,
  removed: boolean,
): Pick<Contribute, 'changedAt' | 'expiresAt'> => {
  const seconds = Math.floor(changedAt.getTime() / 1000);
  return removed
    ? { changedAt: seconds, expiresAt: tombstoneExpiresAt(changedAt) }
    : { changedAt: seconds };
};

// `contribute` cannot tell a removal from an item that counts nowhere: both give a marker expiry.
const contributeTimes = (input: ContributeInput) => {
  const at = input.event.approximateCreationTime;
  if (input.markerRow === undefined || at === undefined) return {};
  return rowMarkerTimes(at, input.contribution === null);
};

/**
 * Builds a `Contribute`: "this change's item now contributes `contribution` to its group". The
 * marker id is scoped by the projection, as the built-in `aggregate` scopes its own, so two
 * projections sharing a marker table never touch each other's markers.
 */
export const contribute = (input: ContributeInput): Contribute => ({
  _tag: 'Contribute',
  table: input.table,
  markerTable: markerPlaceOf(input),
  markerId: markerIdOf(markerPrefix(input.projection), input.event.itemKey),
  sequenceNumber: input.event.sequenceNumber,
  contribution: input.contribution,
  alsoTouches: [],
  ...(input.markerRow === undefined ? {} : { markerRow: input.markerRow }),
  ...contributeTimes(input),
});
