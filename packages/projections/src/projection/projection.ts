import type { ChangeEvent, StreamViewType } from '@sluice/core';
import type * as t from 'io-ts';
import { markerPrefix } from '../plan/markerScope.js';
import type { RowKey } from '../plan/row.js';
import { rowKeysEqual } from '../plan/rowKeysEqual.js';
import type { Contribute, Write } from '../plan/write.js';

/** One Lambda filter pattern: what `@sluice/core`'s `filterPattern(...)` returns fits here. */
export interface ProjectionFilterPattern {
  readonly _tag: 'FilterPattern';
  /** The `Pattern` string deployed in the event source mapping's `FilterCriteria`. */
  readonly json: string;
  /** Evaluates the same pattern on a raw record. */
  readonly matches: (record: unknown) => boolean;
}

/**
 * Which raw records a projection sees, as Lambda's event filtering decides: one pattern, or
 * `@sluice/core`'s `FilterCriteria` (up to five patterns, OR-ed). Structural, so core's values fit.
 */
export type ProjectionFilter =
  | ProjectionFilterPattern
  | { readonly _tag: 'FilterCriteria'; readonly filters: readonly ProjectionFilterPattern[] };

// A filter criteria without patterns lets everything through, as Lambda does.
const acceptsOf = (filter: ProjectionFilter | undefined) => {
  if (filter === undefined) return undefined;
  if (filter._tag === 'FilterPattern') return filter.matches;
  const { filters } = filter;
  if (filters.length === 0) return undefined;
  return (record: unknown): boolean => filters.some((f) => f.matches(record));
};

/**
 * A projection: which changes it reads and the writes it wants for each. Planning is pure and
 * synchronous; the same event always yields the same writes (replays rely on it).
 */
export interface Projection<T = unknown, V extends StreamViewType = StreamViewType, K = unknown> {
  /** Unique among the projections of one deployment; scopes markers and checkpoints. */
  readonly name: string;
  /** Bump when `plan` changes meaning, so a rebuild does not mix with old markers. */
  readonly version: number;
  /** Validates the images (`newImage`, `oldImage`); a rejected image makes the record poison. */
  readonly item: t.Decoder<unknown, T>;
  /** Validates `keys`; when absent, keys stay as unmarshalled. */
  readonly keys: t.Decoder<unknown, K> | undefined;
  /** The images `plan` reads; a record from a stream that lacks them is poison. */
  readonly viewType: V;
  /** Which raw records this projection sees at all, as Lambda's event filtering decides. */
  readonly filter: ProjectionFilter | undefined;
  /** The filter as a predicate on the raw record; `undefined` when every record is wanted. */
  readonly accepts: ((record: unknown) => boolean) | undefined;
  /** Every table `plan` writes (rows and markers), when the definition names them. */
  readonly tables?: readonly string[];
  /** The writes one change asks for (method syntax: projections of any item type share a list). */
  plan(event: ChangeEvent<T, V, K>): readonly Write[];
}

/** What `defineProjection` takes: `keys` and `filter` are optional. */
export interface ProjectionDefinition<T, V extends StreamViewType, K> {
  /** Unique among the projections of a store: names its markers and dead letters. */
  readonly name: string;
  /** Bump when `plan` changes meaning: a new version is rebuilt, never mixed with old markers. */
  readonly version: number;
  /** io-ts codec for the source item; an image it rejects makes the record poison. */
  readonly item: t.Decoder<unknown, T>;
  /** io-ts codec for the key attributes (default: the unmarshalled keys as they are). */
  readonly keys?: t.Decoder<unknown, K>;
  /** The images `plan` reads; a stream whose records lack them yields poison, not guesses. */
  readonly viewType: V;
  /** Lambda filter pattern(s) deciding which raw records this projection sees at all. */
  readonly filter?: ProjectionFilter;
  /**
   * Every table `plan` writes (rows and markers). Optional, and the built-ins name theirs: test
   * helpers then refuse an expected table that no projection writes (a typo would assert nothing).
   */
  readonly tables?: readonly string[];
  /** Pure and synchronous: the writes one change asks for. Never does I/O. */
  readonly plan: (event: ChangeEvent<T, V, K>) => readonly Write[];
}

/** Defines a projection; the built-ins are made with it too. Throws on a malformed definition. */
export const defineProjection = <T, V extends StreamViewType, K = Record<string, unknown>>(
  definition: ProjectionDefinition<T, V, K>,
): Projection<T, V, K> => {
  const { name, version } = definition;
  checkIdentity('projection', name, version);
  return {
    name,
    version,
    item: definition.item,
    keys: definition.keys,
    viewType: definition.viewType,
    filter: definition.filter,
    accepts: acceptsOf(definition.filter),
    ...(definition.tables === undefined ? {} : { tables: [...definition.tables] }),
    plan: scopedPlan(definition.plan, name, markerPrefix({ name, version })),
  };
};

/**
 * Refuses a name or version that cannot scope markers and dead letters: a name must be non-empty
 * and without `|` (the scope's separator), a version a positive integer. A programmer error.
 */
export const checkIdentity = (what: string, name: unknown, version: unknown): void => {
  if (typeof name !== 'string' || name.length === 0 || name.includes('|'))
    throw new TypeError(`${what} name must be a non-empty string without "|", got ${name}`);
  if (!Number.isInteger(version) || (version as number) < 1)
    throw new TypeError(`${what} ${name}: version must be a positive integer, got ${version}`);
};

// A marker kept in its group row can only guard that row: the write may name no other group.
const rowMarkerMisplaced = (write: Contribute, markerRow: RowKey): string | undefined => {
  if (write.markerTable !== write.table) return `its markerTable is not its table ${write.table}`;
  if (write.alsoTouches.some((touch) => !rowKeysEqual(touch.group, markerRow)))
    return 'it also touches other groups';
  if (write.contribution !== null && !rowKeysEqual(write.contribution.group, markerRow))
    return 'it contributes to another group';
  return undefined;
};

// A projection writing markers outside its own scope would share them with another projection
// and corrupt both counts: a programmer error, refused before anything is written.
const scopedPlan =
  <E>(plan: (event: E) => readonly Write[], name: string, prefix: string) =>
  (event: E): readonly Write[] => {
    const writes = plan(event);
    for (let i = 0; i < writes.length; i++) {
      const write = writes[i]!;
      if (write._tag === 'Contribute' && !write.markerId.startsWith(prefix))
        throw new TypeError(
          `projection ${name} planned marker ${JSON.stringify(write.markerId)} outside its scope ` +
            `"${prefix}": build Contribute writes with contribute({ projection: { name, version }, … })`,
        );
      if (write._tag === 'Contribute' && write.markerRow !== undefined) {
        const misplaced = rowMarkerMisplaced(write, write.markerRow);
        if (misplaced !== undefined)
          throw new TypeError(
            `projection ${name} planned marker ${JSON.stringify(write.markerId)} in its group row, but ${misplaced}`,
          );
      }
    }
    return writes;
  };
