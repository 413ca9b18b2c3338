/** Recent attribute-name lists and their sorted copies: images of one table share a few shapes. */
interface Shape {
  readonly names: readonly string[];
  readonly sorted: readonly string[];
}

const MAX_SHAPES = 16;
const shapes: Shape[] = [];
let nextSlot = 0;

const isSorted = (names: readonly string[]): boolean => {
  for (let i = 1; i < names.length; i++) if (names[i - 1]! > names[i]!) return false;
  return true;
};

const sameNames = (a: readonly string[], b: readonly string[]): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** Sorts attribute names in place, as `Array.prototype.sort` would, skipping the work when it can. */
export const sortNames = (names: string[]): string[] => (isSorted(names) ? names : names.sort());

/**
 * The own attribute names of an image, sorted as `Object.keys(image).sort()` sorts them, in a
 * fresh array. Sorting runs once per shape (name list in insertion order), not once per image.
 */
export const sortedNames = (image: Readonly<Record<string, unknown>>): string[] => {
  const names = Object.keys(image);
  if (isSorted(names)) return names;
  for (const shape of shapes) if (sameNames(shape.names, names)) return shape.sorted.slice();
  const sorted = names.slice().sort();
  shapes[nextSlot] = { names, sorted };
  nextSlot = (nextSlot + 1) % MAX_SHAPES;
  return sorted.slice();
};
