/**
 * Deep equality of unmarshalled DynamoDB values: scalars, lists, maps, sets and binary.
 * Numbers compare by value (`NumberValue` wrappers by their text), like DynamoDB itself.
 */
export const valueEquals = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  // Maps are the common nested value: plain objects are none of the special kinds below.
  if (a.constructor === Object && b.constructor === Object) return mapsEqual(a, b);
  if (a instanceof Uint8Array) return b instanceof Uint8Array && bytesEqual(a, b);
  if (a instanceof Set) return b instanceof Set && setsEqual(a, b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!valueEquals(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || b instanceof Set || b instanceof Uint8Array) return false;
  if (isNumberValue(a) || isNumberValue(b)) return String(a) === String(b);
  return mapsEqual(a, b);
};

// `for…in` rather than `Object.keys`: no array per map, and images are mostly nested maps.
// The own-property checks keep exactly the names `Object.keys` would list.
const mapsEqual = (a: object, b: object): boolean => {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let names = 0;
  for (const key in x) {
    if (!Object.hasOwn(x, key)) continue;
    if (!Object.hasOwn(y, key) || !valueEquals(x[key], y[key])) return false;
    names++;
  }
  for (const key in y) if (Object.hasOwn(y, key)) names--;
  return names === 0;
};

const isNumberValue = (v: object): boolean => v.constructor?.name === 'NumberValue';

const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

// DynamoDB sets hold strings, numbers or binaries; binaries compare by content.
const setsEqual = (a: Set<unknown>, b: Set<unknown>): boolean => {
  if (a.size !== b.size) return false;
  outer: for (const value of a) {
    if (b.has(value)) continue;
    for (const other of b) if (valueEquals(value, other)) continue outer;
    return false;
  }
  return true;
};
