/** A stable identity for an item, derived from its key attributes independent of attribute order. */
export type ItemKey = string & { readonly ItemKey: unique symbol };

/**
 * Builds the identity of an item from its raw (marshalled) `Keys` map.
 * Attribute names are sorted and each value keeps its DynamoDB type, so `{S:"1"}` and `{N:"1"}` differ.
 * Binary keys count as their base64 text, so Lambda JSON and SDK records of one item agree.
 */
export const itemKeyOf = (keys: Readonly<Record<string, unknown>>): ItemKey => {
  const names = Object.keys(keys);
  if (names.length === 2) {
    // Tables have one or two key attributes; sorting two needs no comparator call.
    const swap = (names[0] as string) > (names[1] as string);
    const first = names[swap ? 1 : 0] as string;
    const second = names[swap ? 0 : 1] as string;
    const a = textPart(FIRST, first, keys[first]);
    const b = a === undefined ? undefined : textPart(SECOND, second, keys[second]);
    if (b !== undefined) return (a + b) as ItemKey;
  } else if (names.length === 1) {
    const only = textPart(FIRST, names[0] as string, keys[names[0] as string]);
    if (only !== undefined) return only as ItemKey;
  }
  return anyItemKey(keys, names);
};

// Each attribute is written as `<length>:<name><type><length>:<value>`: the lengths make the
// text parse back one way only, so distinct keys never share it, at the cost of a few appends.
const anyItemKey = (keys: Readonly<Record<string, unknown>>, names: string[]): ItemKey => {
  if (names.length === 2 && (names[0] as string) > (names[1] as string)) names.reverse();
  else if (names.length > 2) names.sort();
  let out = '';
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    const scalar = scalarAttribute(keys[name]);
    if (scalar === undefined) return structuredKey(keys, names);
    out += `${name.length}:${name}${scalar}`;
  }
  return out as ItemKey;
};

/** The `<length>:<name><type>` head of a key part, remembered per position: every record of a table repeats it. */
interface PartHead {
  name: string;
  type: string;
  head: string;
}

const FIRST: PartHead = { name: '', type: '', head: '' };
const SECOND: PartHead = { name: '', type: '', head: '' };

// The part `anyItemKey` writes for an S or N attribute, with its head cached; undefined for
// any other shape (binary, two types, ...), which `anyItemKey` then encodes.
const textPart = (cache: PartHead, name: string, value: unknown): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  let type: string | undefined;
  let payload: unknown;
  for (const key in value) {
    const defined = (value as Record<string, unknown>)[key];
    if (defined === undefined) continue;
    if (type !== undefined) return undefined;
    type = key;
    payload = defined;
  }
  if ((type !== 'S' && type !== 'N') || typeof payload !== 'string') return undefined;
  if (cache.name !== name || cache.type !== type) {
    cache.name = name;
    cache.type = type;
    cache.head = `${name.length}:${name}${type}`;
  }
  return `${cache.head}${payload.length}:${payload}`;
};

// An S, N or B attribute (the only key types DynamoDB has) as `<type><length>:<value>`, bytes as
// base64 so both record shapes agree; undefined for any other shape.
const scalarAttribute = (value: unknown): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  let entry: string | undefined;
  for (const type in value) {
    let payload = (value as Record<string, unknown>)[type];
    if (payload === undefined) continue;
    if (entry !== undefined || (type !== 'S' && type !== 'N' && type !== 'B')) return undefined;
    if (type === 'B' && payload instanceof Uint8Array) payload = base64(payload);
    if (typeof payload !== 'string') return undefined;
    entry = `${type}${payload.length}:${payload}`;
  }
  return entry;
};

// Unusual shapes (other types, malformed values) are written as canonical JSON. It starts with
// `[` where the common encoding starts with a digit, so the two never collide.
const structuredKey = (keys: Readonly<Record<string, unknown>>, names: string[]): ItemKey =>
  JSON.stringify(names.map((name) => [name, canonical(keys[name])])) as ItemKey;

const base64 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

// Objects are written with sorted property names so equal values always give equal strings;
// properties set to undefined (as SDK objects may carry) are left out, as JSON would.
const canonical = (value: unknown): unknown => {
  if (value instanceof Uint8Array) return base64(value);
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
