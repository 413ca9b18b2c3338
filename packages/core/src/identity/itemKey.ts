/** A stable identity for an item, derived from its key attributes independent of attribute order. */
export type ItemKey = string & { readonly ItemKey: unique symbol };

/**
 * Builds the identity of an item from its raw (marshalled) `Keys` map.
 * Attribute names are sorted and each value keeps its DynamoDB type, so `{S:"1"}` and `{N:"1"}` differ.
 */
export const itemKeyOf = (keys: Readonly<Record<string, unknown>>): ItemKey => {
  const names = Object.keys(keys).sort();
  return JSON.stringify(names.map((name) => [name, canonical(keys[name])])) as ItemKey;
};

// Objects are written with sorted property names so equal values always give equal strings.
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Array<[string, unknown]> = [];
    for (const k of Object.keys(value).sort())
      out.push([k, canonical((value as Record<string, unknown>)[k])]);
    return out;
  }
  return value;
};
