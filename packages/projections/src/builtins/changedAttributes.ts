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
  const newNames = Object.keys(newImage);
  const oldNames = Object.keys(oldImage);
  // Images of one table list their names in one order: while the two lists agree position by
  // position, a name is known to be in both without an own-property check.
  let aligned = newNames.length === oldNames.length;
  for (let i = 0; i < newNames.length; i++) {
    const name = newNames[i]!;
    if (aligned && oldNames[i] !== name) aligned = false;
    if (!aligned && !Object.hasOwn(oldImage, name)) changed.push(name);
    else if (!sameValue(oldImage[name], newImage[name])) changed.push(name);
  }
  // Aligned to the end, both lists hold the same names: nothing was removed.
  if (!aligned)
    for (let i = 0; i < oldNames.length; i++) {
      const name = oldNames[i]!;
      if (!Object.hasOwn(newImage, name)) changed.push(name);
    }
  return sortNames(changed);
};
