import type { RowKey } from './row.js';

const part = (name: string, value: string | number | Uint8Array): string => {
  const text =
    typeof value === 'string'
      ? `s${value}`
      : typeof value === 'number'
        ? `n${value}`
        : `b${Buffer.from(value).toString('base64')}`;
  return `|${name.length}:${name}${text.length}:${text}`;
};

/**
 * A string naming one row of one table, equal for equal keys whatever the attribute order.
 * Length-prefixed parts make it unambiguous without JSON (this runs once per planned write).
 */
export const rowId = (table: string, key: RowKey): string => {
  const head = `${table.length}:${table}`;
  let first: string | undefined;
  let second: string | undefined;
  let more = false;
  for (const name in key) {
    if (first === undefined) first = name;
    else if (second === undefined) second = name;
    else {
      more = true;
      break;
    }
  }
  if (first === undefined) return head;
  // Keys have one or two attributes (partition, sort): order them without allocating.
  if (second === undefined) return head + part(first, key[first]!);
  if (!more)
    return first < second
      ? head + part(first, key[first]!) + part(second, key[second]!)
      : head + part(second, key[second]!) + part(first, key[first]!);
  let id = head;
  for (const name of Object.keys(key).sort()) id += part(name, key[name]!);
  return id;
};
