/** A stable identity for an item, derived from its key attributes independent of attribute order. */
export type ItemKey = string & { readonly ItemKey: unique symbol };

/**
 * Builds the identity of an item from its raw (marshalled) `Keys` map.
 * Attribute names are sorted and each value keeps its DynamoDB type, so `{S:"1"}` and `{N:"1"}` differ.
 * Binary keys count as their base64 text, so Lambda JSON and SDK records of one item agree.
 */
export const itemKeyOf = (keys: Readonly<Record<string, unknown>>): ItemKey => {
  const names = Object.keys(keys);
  // Tables have one or two key attributes; sorting two needs no comparator call.
  if (names.length === 2 && (names[0] as string) > (names[1] as string)) names.reverse();
  else if (names.length > 2) names.sort();
  let out = '[';
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    const value = keys[name];
    out += `${i === 0 ? '' : ','}[${quote(name)},${
      scalarAttribute(value) ?? JSON.stringify(canonical(value))
    }]`;
  }
  return `${out}]` as ItemKey;
};

// Key attribute names and types repeat on every record of a table: quote each once.
const quoted = new Map<string, string>();
const quote = (text: string): string => {
  let json = quoted.get(text);
  if (json === undefined) {
    json = JSON.stringify(text);
    if (quoted.size < 1000) quoted.set(text, json);
  }
  return json;
};

// Key attributes are S, N or B with text (or bytes): written directly, as `canonical` would.
const scalarAttribute = (value: unknown): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  let entry: string | undefined;
  for (const type in value) {
    const payload = (value as Record<string, unknown>)[type];
    if (payload === undefined) continue;
    if (entry !== undefined || typeof payload !== 'string') return undefined;
    entry = `[[${quote(type)},${JSON.stringify(payload)}]]`;
  }
  return entry;
};

// Objects are written with sorted property names so equal values always give equal strings;
// properties set to undefined (as SDK objects may carry) are left out, as JSON would.
const canonical = (value: unknown): unknown => {
  if (value instanceof Uint8Array) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  }
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Array<[string, unknown]> = [];
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out.push([k, canonical(v)]);
    }
    return out;
  }
  return value;
};
