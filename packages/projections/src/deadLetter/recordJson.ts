// A record read through the Streams API carries a `Date` and `Uint8Array` binaries, which plain
// JSON would turn into a string and an index map; tagging them lets redrive decode the record as
// it was delivered.
const DATE = '__sluice$date';
const BYTES = '__sluice$bytes';

const soleString = (value: unknown, tag: string): string | undefined => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  const inner = (value as Record<string, unknown>)[tag];
  return keys.length === 1 && keys[0] === tag && typeof inner === 'string' ? inner : undefined;
};

/** The record as JSON text, keeping `Date`s and binaries so that `parseRecordJson` gives them back. */
export const recordJson = (record: unknown): string =>
  JSON.stringify(record, function (this: Record<string, unknown>, key, value: unknown) {
    const original = this[key];
    if (original instanceof Date) return { [DATE]: original.toISOString() };
    if (original instanceof Uint8Array)
      return { [BYTES]: Buffer.from(original).toString('base64') };
    return value;
  }) ?? 'null';

/** Reads text written by `recordJson`, with its `Date`s and binaries restored. */
export const parseRecordJson = (text: string): unknown =>
  JSON.parse(text, (_key, value: unknown) => {
    const date = soleString(value, DATE);
    if (date !== undefined) return new Date(date);
    const bytes = soleString(value, BYTES);
    if (bytes !== undefined) return new Uint8Array(Buffer.from(bytes, 'base64'));
    return value;
  });
