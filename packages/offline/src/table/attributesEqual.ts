import type { AttributeMap, AttributeValue } from '../item/attributeMap.js';

// Admitted values are canonical (numbers normalized, sets sorted), so structural equality is
// DynamoDB's semantic equality: this is how a no-op write is recognized.

const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean => {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
};

const arraysEqual = <T>(
  a: readonly T[],
  b: readonly T[],
  equal: (x: T, y: T) => boolean,
): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!equal(a[i] as T, b[i] as T)) return false;
  return true;
};

const same = <T>(x: T, y: T): boolean => x === y;

/** Whether two canonical AttributeValues hold the same value. */
export const valuesEqual = (a: AttributeValue, b: AttributeValue): boolean => {
  if (a === b) return true;
  if (a.S !== undefined) return a.S === b.S;
  if (a.N !== undefined) return a.N === b.N;
  if (a.BOOL !== undefined) return a.BOOL === b.BOOL;
  if (a.NULL !== undefined) return b.NULL !== undefined;
  if (a.B !== undefined) return b.B !== undefined && bytesEqual(a.B, b.B);
  if (a.SS !== undefined) return b.SS !== undefined && arraysEqual(a.SS, b.SS, same);
  if (a.NS !== undefined) return b.NS !== undefined && arraysEqual(a.NS, b.NS, same);
  if (a.BS !== undefined) return b.BS !== undefined && arraysEqual(a.BS, b.BS, bytesEqual);
  if (a.L !== undefined) return b.L !== undefined && arraysEqual(a.L, b.L, valuesEqual);
  if (a.M !== undefined) return b.M !== undefined && attributesEqual(a.M, b.M);
  return false;
};

/** Whether two canonical items (or `M` values) hold the same attributes and values. */
export const attributesEqual = (a: AttributeMap, b: AttributeMap): boolean => {
  if (a === b) return true;
  let count = 0;
  for (const name in a) {
    const x = a[name] as AttributeValue;
    const y = b[name];
    if (y === undefined || !valuesEqual(x, y)) return false;
    count++;
  }
  return count === Object.keys(b).length;
};
