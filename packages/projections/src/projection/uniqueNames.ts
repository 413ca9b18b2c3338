import type { Projection } from './projection.js';

/**
 * Refuses projections that would share markers, dead letters or rebuild versions: two with one
 * name (the same projection listed twice included). Called by every runner when it is built, so
 * the mistake shows at start-up rather than as a corrupted count. Throws: a programmer error.
 */
export const checkUniqueNames = (projections: readonly Projection[], runner: string): void => {
  const seen = new Map<string, number>();
  for (let i = 0; i < projections.length; i++) {
    const name = projections[i]!.name;
    const first = seen.get(name);
    if (first !== undefined)
      throw new TypeError(
        `${runner}: projections #${first + 1} and #${i + 1} are both named "${name}"; ` +
          'every projection needs a name of its own (it scopes its markers and dead letters)',
      );
    seen.set(name, i);
  }
};
