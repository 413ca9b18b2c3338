type Image = Readonly<Record<string, unknown>>;

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

// Walks the image's own names in `Object.keys` order without building that array.
const hasNames = (image: Image, names: readonly string[]): boolean => {
  let i = 0;
  for (const name in image) {
    if (!Object.hasOwn(image, name)) continue;
    if (name !== names[i]) return false;
    i++;
  }
  return i === names.length;
};

// Up to this many names, an insertion sort: `Array.prototype.sort` allocates about 1 KB of working
// state per call, more than the few names a change usually lists.
const INSERTION_SORT_MAX = 24;

/** Sorts attribute names in place, as `Array.prototype.sort` would, skipping the work when it can. */
export const sortNames = (names: string[]): string[] => {
  if (isSorted(names)) return names;
  if (names.length > INSERTION_SORT_MAX) return names.sort();
  for (let i = 1; i < names.length; i++) {
    const name = names[i]!;
    let j = i;
    for (; j > 0 && names[j - 1]! > name; j--) names[j] = names[j - 1]!;
    names[j] = name;
  }
  return names;
};

/**
 * The own attribute names of an image, sorted as `Object.keys(image).sort()` sorts them, in a
 * fresh array. Sorting runs once per shape (name list in insertion order), not once per image.
 */
export const sortedNames = (image: Image): string[] => {
  for (const shape of shapes) if (hasNames(image, shape.names)) return shape.sorted.slice();
  const names = Object.keys(image);
  const sorted = isSorted(names) ? names : names.slice().sort();
  shapes[nextSlot] = { names, sorted };
  nextSlot = (nextSlot + 1) % MAX_SHAPES;
  return sorted.slice();
};
