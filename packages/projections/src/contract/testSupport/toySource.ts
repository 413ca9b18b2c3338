import { type SequenceNumber, sortableSequenceNumber } from '@sluice/core';
import fc from 'fast-check';
import { BatchPlanner } from '../../plan/batchPlanner.js';
import type { PlannedBatch } from '../../plan/plannedBatch.js';
import type { Row } from '../../plan/row.js';
import { tombstoneIdOf } from '../../plan/tombstoneId.js';
import { type Contribute, deleteIfNewer, putIfNewer, type Write } from '../../plan/write.js';

/**
 * The contract's toy source table: items that sit in a list with a quantity. Each change becomes
 * the three kinds of write the built-ins use: a history row (`PutRow`), a count and quantity sum
 * per list (`Contribute`), an archived removal (`PutIfNewer`).
 */
export interface ToyState {
  readonly list: string;
  readonly quantity: number;
}

/** One change of one toy item: `before`/`after` null for an insert/removal. */
export interface ToyChange {
  readonly id: string;
  readonly sequenceNumber: SequenceNumber;
  readonly before: ToyState | null;
  readonly after: ToyState | null;
}

/** Logical table names the contract writes to. */
export const TOY_TABLES = {
  history: 'history',
  counts: 'counts',
  markers: 'markers',
  archive: 'archive',
  replica: 'replica',
  tombstones: 'tombstones',
} as const;

/** The derived tables compared between stores (markers are bookkeeping, their values depend on batching). */
export const COMPARED_TABLES = [
  TOY_TABLES.history,
  TOY_TABLES.counts,
  TOY_TABLES.archive,
  TOY_TABLES.replica,
  TOY_TABLES.tombstones,
] as const;

/**
 * Where the toy's tombstone expiries start (epoch seconds, year 2096): DynamoDB Local sweeps
 * expired items of a table with TTL on, so a past expiry would make tombstones vanish mid-test.
 */
export const FAR_FUTURE = 4_000_000_000;

// Tombstones expire a fixed time after the change; the toy has no clock, so a constant base.
const expiresAtOf = (change40: string): number => FAR_FUTURE + Number(change40.slice(-4));

/** The replica's write for a change: the item as it now is, or its deletion. */
const replicaWrite = (change: ToyChange, change40: string): Write =>
  change.after === null
    ? deleteIfNewer(TOY_TABLES.replica, { id: change.id }, change40, 'version', {
        tombstones: TOY_TABLES.tombstones,
        expiresAt: expiresAtOf(change40),
      })
    : putIfNewer(
        TOY_TABLES.replica,
        { id: change.id },
        { id: change.id, version: change40, ...change.after },
        'version',
        { tombstones: TOY_TABLES.tombstones },
      );

const contributionOf = (state: ToyState | null) =>
  state === null
    ? null
    : { group: { list: state.list }, amounts: { count: 1, quantity: state.quantity } };

/** The writes one change asks for, as a projection would plan them. */
export const writesOf = (change: ToyChange): Write[] => {
  const change40 = sortableSequenceNumber(change.sequenceNumber);
  const writes: Write[] = [
    {
      _tag: 'PutRow',
      table: TOY_TABLES.history,
      key: { entityId: change.id, change: change40 },
      row: {
        entityId: change.id,
        change: change40,
        kind: change.before === null ? 'INSERT' : change.after === null ? 'REMOVE' : 'MODIFY',
        ...(change.after ? { newImage: { ...change.after } } : {}),
        ...(change.before ? { oldImage: { ...change.before } } : {}),
      },
    },
    {
      _tag: 'Contribute',
      table: TOY_TABLES.counts,
      markerTable: TOY_TABLES.markers,
      markerId: `toy@1|${change.id}`,
      sequenceNumber: change.sequenceNumber,
      contribution: contributionOf(change.after),
      alsoTouches: [],
    } satisfies Contribute,
  ];
  if (change.after === null && change.before !== null)
    writes.push({
      _tag: 'PutIfNewer',
      table: TOY_TABLES.archive,
      key: { id: change.id },
      row: { id: change.id, sequenceNumber: change40, item: { ...change.before } },
      versionAttribute: 'sequenceNumber',
    });
  // A third of the items only: the replica's requests would otherwise dominate the crash test.
  if (Number(change.id.slice(5)) % 3 === 2) writes.push(replicaWrite(change, change40));
  return writes;
};

/** Plans a batch of changes the way the package's planner coalesces them. */
export const planToyBatch = (changes: readonly ToyChange[]): PlannedBatch => {
  const planner = new BatchPlanner();
  changes.forEach((change, i) => {
    planner.add(writesOf(change), i);
  });
  return planner.result();
};

/** A stable order for rows, so tables from different stores compare with `toEqual`. */
export const sortRows = (rows: readonly Row[]): Row[] =>
  [...rows].sort((a, b) => {
    const x = JSON.stringify(Object.entries(a).sort());
    const y = JSON.stringify(Object.entries(b).sort());
    return x < y ? -1 : x > y ? 1 : 0;
  });

/** The compared tables after a single clean in-order pass, computed without any store. */
export const cleanPass = (changes: readonly ToyChange[]): Record<string, Row[]> => {
  const history: Row[] = [];
  const lists = new Map<string, { count: number; quantity: number }>();
  const current = new Map<string, ToyState | null>();
  const archived = new Map<string, Row>();
  const replica = new Map<string, Row>();
  const tombstones = new Map<string, Row>();
  for (const change of changes) {
    const writes = writesOf(change);
    const [historyRow] = writes;
    if (historyRow?._tag === 'PutRow') history.push(historyRow.row);
    for (const state of [change.before, change.after])
      if (state && !lists.has(state.list)) lists.set(state.list, { count: 0, quantity: 0 });
    current.set(change.id, change.after);
    for (const write of writes) {
      if (write._tag === 'PutIfNewer' && write.table === TOY_TABLES.archive)
        archived.set(change.id, write.row);
      if (write._tag === 'PutIfNewer' && write.table === TOY_TABLES.replica)
        replica.set(change.id, write.row);
      if (write._tag === 'DeleteIfNewer') {
        replica.delete(change.id);
        const tombstoneId = tombstoneIdOf(write.table, write.key, undefined);
        tombstones.set(tombstoneId, {
          tombstoneId,
          version: write.version,
          expiresAt: write.expiresAt,
        });
      }
    }
  }
  for (const state of current.values()) {
    if (state === null) continue;
    const total = lists.get(state.list) as { count: number; quantity: number };
    total.count += 1;
    total.quantity += state.quantity;
  }
  return {
    [TOY_TABLES.history]: sortRows(history),
    [TOY_TABLES.counts]: sortRows([...lists].map(([list, totals]) => ({ list, ...totals }))),
    [TOY_TABLES.archive]: sortRows([...archived.values()]),
    [TOY_TABLES.replica]: sortRows([...replica.values()]),
    [TOY_TABLES.tombstones]: sortRows([...tombstones.values()]),
  };
};

// Just below 10^21, so a history crosses from 21- to 22-digit sequence numbers: string order breaks there.
const FIRST_SEQUENCE = 10n ** 21n - 40n;

/** Builds a valid history (per-item: insert, moves, removal, re-insert) from abstract steps. */
export const toyHistory = (
  steps: ReadonlyArray<{
    item: number;
    list: number;
    quantity: number;
    remove: boolean;
    gap: number;
  }>,
): ToyChange[] => {
  const states = new Map<string, ToyState>();
  let sequence = FIRST_SEQUENCE;
  return steps.map((step) => {
    sequence += BigInt(step.gap);
    const id = `item-${step.item}`;
    const before = states.get(id) ?? null;
    const after =
      before !== null && step.remove
        ? null
        : { list: `list-${step.list}`, quantity: step.quantity };
    if (after) states.set(id, after);
    else states.delete(id);
    return { id, sequenceNumber: String(sequence) as SequenceNumber, before, after };
  });
};

/** Random histories over `items` items and `lists` lists. */
export const toyHistoryArbitrary = (options: { items: number; lists: number; maxLength: number }) =>
  fc
    .array(
      fc.record({
        item: fc.nat(options.items - 1),
        list: fc.nat(options.lists - 1),
        quantity: fc.integer({ min: 1, max: 9 }),
        remove: fc.boolean(),
        gap: fc.integer({ min: 1, max: 30 }),
      }),
      { minLength: 1, maxLength: options.maxLength },
    )
    .map(toyHistory);

/**
 * An at-least-once delivery schedule. Each step redelivers from up to `back` records before the
 * position reached (a retry after a lost response, a regrouped or bisected batch), takes `size`
 * more records, may deliver that batch twice (a duplicate), and may then deliver a stale window
 * that ends `staleAge` records behind (a zombie consumer whose lease was taken over). Every record
 * is delivered at least once.
 */
export const deliveryArbitrary = fc.array(
  fc.record({
    back: fc.oneof(fc.constant(0), fc.nat(8)),
    size: fc.integer({ min: 1, max: 12 }),
    twice: fc.boolean(),
    staleAge: fc.option(fc.nat(10), { nil: undefined, freq: 3 }),
  }),
  { minLength: 1, maxLength: 40 },
);

/** One step of a delivery schedule. */
export type DeliveryStep = {
  readonly back: number;
  readonly size: number;
  readonly twice: boolean;
  readonly staleAge?: number | undefined;
};

/** The batches a schedule delivers, covering the whole history. */
export const deliver = (
  changes: readonly ToyChange[],
  schedule: readonly DeliveryStep[],
): ToyChange[][] => {
  const batches: ToyChange[][] = [];
  let position = 0;
  let step = 0;
  while (position < changes.length) {
    const { back, size, twice, staleAge } = schedule[step % schedule.length] ?? {
      back: 0,
      size: 1,
      twice: false,
    };
    step += 1;
    const start = Math.max(0, position - back);
    const end = Math.min(changes.length, position + size);
    const batch = changes.slice(start, end);
    batches.push(batch);
    if (twice) batches.push(batch);
    position = end;
    if (staleAge !== undefined && position - staleAge > 0) {
      const staleEnd = position - staleAge;
      batches.push(changes.slice(Math.max(0, staleEnd - size), staleEnd));
    }
  }
  return batches;
};
