import { sortNames } from './sortedNames.js';
import { valueEquals } from './valueEquals.js';

// Most attributes of a MODIFY are unchanged scalars: settle those without a call to `valueEquals`.
const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === 'object' && typeof b === 'object' && valueEquals(a, b));

/** Top-level attribute names whose values differ between two images (added, removed or changed), sorted. */
export const changedAttributes = (
  oldImage: Readonly<Record<string, unknown>>,
  newImage: Readonly<Record<string, unknown>>,
): string[] => {
  const changed: string[] = [];
  // `for…in` with own-property checks lists what `Object.keys` would, without two arrays per change.
  let shared = 0;
  for (const name in newImage) {
    if (!Object.hasOwn(newImage, name)) continue;
    if (!Object.hasOwn(oldImage, name)) changed.push(name);
    else {
      shared++;
      if (!sameValue(oldImage[name], newImage[name])) changed.push(name);
    }
  }
  let oldNames = 0;
  for (const name in oldImage) if (Object.hasOwn(oldImage, name)) oldNames++;
  // Every old name is also a new one when the counts match: nothing was removed.
  if (shared !== oldNames)
    for (const name in oldImage)
      if (Object.hasOwn(oldImage, name) && !Object.hasOwn(newImage, name)) changed.push(name);
  return sortNames(changed);
};
