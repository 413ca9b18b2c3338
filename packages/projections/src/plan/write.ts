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
 * - marker.sequenceNumber >= sequenceNumber → already applied: change nothing;
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
}

/**
 * Put a row keyed by the source item (an archived removal) unless the stored row's version is
 * newer or equal. Versions are fixed-width strings (`sortableSequenceNumber`), compared as strings.
 * The store MUST put atomically iff no row exists or `stored[versionAttribute] < row[versionAttribute]`
 * (on DynamoDB: a conditional PutItem; ConditionalCheckFailed means "already applied or superseded").
 * A replay then rewrites nothing, and an older removal never overwrites a newer one.
 */
export interface PutIfNewer {
  readonly _tag: 'PutIfNewer';
  readonly table: string;
  readonly key: RowKey;
  /** The whole row, key attributes and version attribute included. */
  readonly row: Row;
  /** Name of the row attribute holding the version. */
  readonly versionAttribute: string;
}

/** The writes a projection plans; the store owns how they reach the table. */
export type Write = PutRow | Contribute | PutIfNewer;

/**
 * The marker a store keeps per source item of an aggregate, in `Contribute.markerTable`, exactly
 * as stored: both stores hold this shape, so the contract suite can compare them row for row.
 */
export interface MarkerRow {
  readonly markerId: string;
  /** `sortableSequenceNumber` of the last applied change (40 digits, string order = numeric order). */
  readonly sequenceNumber: string;
  readonly contribution: Contribution | null;
}

/** Builds a `PutRow`. */
export const putRow = (table: string, key: RowKey, row: Row): PutRow => ({
  _tag: 'PutRow',
  table,
  key,
  row,
});

/** Builds a `PutIfNewer`. */
export const putIfNewer = (
  table: string,
  key: RowKey,
  row: Row,
  versionAttribute: string,
): PutIfNewer => ({ _tag: 'PutIfNewer', table, key, row, versionAttribute });

/** What `contribute` takes: the projection's marker scope, the change, the tables, the contribution. */
export interface ContributeInput {
  /** The projection's name and version: its markers live under `<name>@<version>|`. */
  readonly projection: MarkerScope;
  /** The change: its source item's identity and sequence number (a `ChangeEvent` fits). */
  readonly event: { readonly itemKey: string; readonly sequenceNumber: SequenceNumber };
  /** The aggregate table (one row per group). */
  readonly table: string;
  /** The marker table (partition key `markerId`, S); may be shared by aggregates. */
  readonly markerTable: string;
  /** What the item contributes now; `null` after its removal or when it counts nowhere. */
  readonly contribution: Contribution | null;
}

/**
 * Builds a `Contribute`: "this change's item now contributes `contribution` to its group". The
 * marker id is scoped by the projection, as the built-in `aggregate` scopes its own, so two
 * projections sharing a marker table never touch each other's markers.
 */
export const contribute = (input: ContributeInput): Contribute => ({
  _tag: 'Contribute',
  table: input.table,
  markerTable: input.markerTable,
  markerId: markerIdOf(markerPrefix(input.projection), input.event.itemKey),
  sequenceNumber: input.event.sequenceNumber,
  contribution: input.contribution,
  alsoTouches: [],
});
