import type * as E from 'fp-ts/lib/Either.js';
import type { StoreError } from '../store/storeError.js';

/** The active version moved since the caller read it: someone else switched first. */
export interface VersionConflict {
  readonly _tag: 'VersionConflict';
  readonly projection: string;
  readonly expected: number | undefined;
  readonly actual: number | undefined;
  readonly message: string;
}

/**
 * Which version of each projection readers use: the pointer a blue/green rebuild switches once
 * the new version has caught up. One small item per projection name.
 */
export interface ActiveVersions {
  /** The active version (`undefined`: none yet). */
  get(projection: string): Promise<E.Either<StoreError, number | undefined>>;
  /** Compare-and-set: makes `version` active iff the active version is still `expected`. */
  activate(
    projection: string,
    version: number,
    expected: number | undefined,
  ): Promise<E.Either<VersionConflict | StoreError, void>>;
}

/** Builds a `VersionConflict`. */
export const versionConflict = (
  projection: string,
  expected: number | undefined,
  actual: number | undefined,
): VersionConflict => ({
  _tag: 'VersionConflict',
  projection,
  expected,
  actual,
  message: `active version of ${projection} is ${actual ?? 'none'}, expected ${expected ?? 'none'}`,
});
