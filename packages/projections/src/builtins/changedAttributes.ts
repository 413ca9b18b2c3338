import { valueEquals } from './valueEquals.js';

/** Top-level attribute names whose values differ between two images (added, removed or changed), sorted. */
export const changedAttributes = (
  oldImage: Readonly<Record<string, unknown>>,
  newImage: Readonly<Record<string, unknown>>,
): string[] => {
  const changed: string[] = [];
  for (const name of Object.keys(newImage))
    if (!Object.hasOwn(oldImage, name) || !valueEquals(oldImage[name], newImage[name]))
      changed.push(name);
  for (const name of Object.keys(oldImage)) if (!Object.hasOwn(newImage, name)) changed.push(name);
  return changed.sort();
};
