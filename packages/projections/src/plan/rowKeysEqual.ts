import type { RowKey } from './row.js';

const valuesEqual = (a: string | number | Uint8Array, b: string | number | Uint8Array): boolean => {
  if (a === b) return true;
  // NaN never equals itself, but its key text does.
  if (typeof a === 'number') return typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array) || a.length !== b.length)
    return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * Whether two row keys name one row: exactly when their `rowId`s are equal (same attribute names,
 * equal values of one type, bytes by content), without building either string.
 */
export const rowKeysEqual = (a: RowKey, b: RowKey): boolean => {
  let names = 0;
  for (const name in a) {
    if (!(name in b) || !valuesEqual(a[name]!, b[name]!)) return false;
    names++;
  }
  for (const _ in b) names--;
  return names === 0;
};
