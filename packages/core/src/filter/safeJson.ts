/** True for `{…}` objects (plain or null-prototype): the only objects a JSON pattern can hold. */
export const isPlainObject = (u: unknown): u is Readonly<Record<string, unknown>> => {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  const proto = Object.getPrototypeOf(u);
  return proto === Object.prototype || proto === null;
};

/** Names a value for an error message without dumping it. */
export const describe = (u: unknown): string =>
  u === undefined
    ? 'undefined'
    : Array.isArray(u)
      ? 'an array'
      : typeof u === 'object' && u !== null
        ? 'an object'
        : (JSON.stringify(u) ?? typeof u);

/** A frozen object with these own properties; a key such as "__proto__" stays data, never the prototype. */
export const frozenObject = (
  entries: ReadonlyArray<readonly [string, unknown]>,
): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries)
    Object.defineProperty(out, key, {
      value,
      enumerable: true,
      writable: false,
      configurable: false,
    });
  return Object.freeze(out);
};
