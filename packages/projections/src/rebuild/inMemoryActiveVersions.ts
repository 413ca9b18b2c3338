import * as E from 'fp-ts/lib/Either.js';
import type { StoreError } from '../store/storeError.js';
import { type ActiveVersions, type VersionConflict, versionConflict } from './activeVersions.js';

/** Active versions in memory, compare-and-set as `ActiveVersions` specifies. */
export class InMemoryActiveVersions implements ActiveVersions {
  private readonly versions = new Map<string, number>();

  async get(projection: string): Promise<E.Either<StoreError, number | undefined>> {
    return E.right(this.versions.get(projection));
  }

  async activate(
    projection: string,
    version: number,
    expected: number | undefined,
  ): Promise<E.Either<VersionConflict | StoreError, void>> {
    const actual = this.versions.get(projection);
    if (actual !== expected) return E.left(versionConflict(projection, expected, actual));
    this.versions.set(projection, version);
    return E.right(undefined);
  }
}
