/** DynamoDB's maximum item size: 400 KB, attribute names included. */
export const MAX_ITEM_BYTES = 400 * 1024;

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

// DynamoDB stores numbers as up to 38 significant digits, about one byte per two digits plus one.
const numberBytes = (text: string): number => {
  const digits = text.replace(/^[-+]|[eE].*$|\./g, '').replace(/^0+|0+$/g, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
};

const isNumberValue = (v: object): v is { readonly value: string } =>
  v.constructor?.name === 'NumberValue' && typeof (v as { value?: unknown }).value === 'string';

/**
 * Size of one unmarshalled attribute value as DynamoDB bills and limits it (documented rules:
 * strings and binaries by length, numbers by significant digits, lists and maps 3 bytes plus
 * 1 per element). Rounds up where the documentation is approximate, so it never underestimates.
 */
export const valueSize = (value: unknown): number => {
  switch (typeof value) {
    case 'string':
      return utf8(value);
    case 'number':
    case 'bigint':
      return numberBytes(String(value));
    case 'boolean':
      return 1;
    case 'undefined':
      return 0;
  }
  if (value === null) return 1;
  if (typeof value !== 'object') return 0;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof ArrayBuffer) return value.byteLength;
  if (isNumberValue(value)) return numberBytes(value.value);
  if (value instanceof Set) {
    let total = 0;
    for (const element of value) total += valueSize(element);
    return total;
  }
  if (Array.isArray(value)) {
    let total = 3;
    for (const element of value) total += 1 + valueSize(element);
    return total;
  }
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
  let total = 3;
  for (const [name, element] of entries) total += 1 + utf8(String(name)) + valueSize(element);
  return total;
};

/** Size of a whole item: each top-level attribute's name plus its value. */
export const itemSize = (item: Readonly<Record<string, unknown>>): number => {
  let total = 0;
  for (const [name, value] of Object.entries(item))
    if (value !== undefined) total += utf8(name) + valueSize(value);
  return total;
};
