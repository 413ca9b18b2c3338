import * as E from 'fp-ts/lib/Either.js';
import type { SourceDescription } from './scanSource.js';

/**
 * How fast a backfill may read: read capacity units per second, a share of the table's
 * provisioned read capacity (provisioned tables only), or items per second.
 */
export type RateLimit =
  | { readonly readUnitsPerSecond: number }
  | { readonly shareOfCapacity: number }
  | { readonly itemsPerSecond: number };

/** A rate limit in one unit per second: what the token bucket counts. */
export interface ResolvedRate {
  readonly unit: 'readUnits' | 'items';
  readonly perSecond: number;
}

/** The rate limit cannot be turned into a rate (e.g. a share of an on-demand table's capacity). */
export interface InvalidRateLimit {
  readonly _tag: 'InvalidRateLimit';
  readonly message: string;
}

const invalid = (message: string): E.Either<InvalidRateLimit, never> =>
  E.left({ _tag: 'InvalidRateLimit', message });

const positive = (n: number): boolean => Number.isFinite(n) && n > 0;

/** Resolves a rate limit against the table; `undefined` (no limit) stays unlimited. */
export const resolveRate = (
  limit: RateLimit | undefined,
  source: SourceDescription,
): E.Either<InvalidRateLimit, ResolvedRate | undefined> => {
  if (limit === undefined) return E.right(undefined);
  if ('itemsPerSecond' in limit)
    return positive(limit.itemsPerSecond)
      ? E.right({ unit: 'items', perSecond: limit.itemsPerSecond })
      : invalid(`itemsPerSecond must be a positive number, got ${limit.itemsPerSecond}`);
  if ('readUnitsPerSecond' in limit)
    return positive(limit.readUnitsPerSecond)
      ? E.right({ unit: 'readUnits', perSecond: limit.readUnitsPerSecond })
      : invalid(`readUnitsPerSecond must be a positive number, got ${limit.readUnitsPerSecond}`);
  const share = limit.shareOfCapacity;
  if (!(share > 0 && share <= 1))
    return invalid(`shareOfCapacity must be above 0 and at most 1, got ${share}`);
  if (source.readCapacityUnits === undefined)
    return invalid(
      `table ${source.tableName} has no provisioned read capacity (on-demand): give read units per second instead of a share`,
    );
  return E.right({ unit: 'readUnits', perSecond: share * source.readCapacityUnits });
};
