import { NumberValueImpl } from '@aws-sdk/util-dynamodb';

const MAX_LENGTH = 60;

/** A short, never-throwing rendering of any value for error messages: `"abc"`, `12n`, `Set(3)`, `NumberValue(0.1…)`, `{"a":1}`. */
export const describeValue = (value: unknown): string => truncate(render(value));

const render = (value: unknown): string => {
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return value.toString();
  if (value instanceof Set) return `Set(${value.size})`;
  if (value instanceof Uint8Array) return `Uint8Array(${value.length})`;
  if (value instanceof NumberValueImpl) return `NumberValue(${value.value})`;
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  return json(value);
};

// JSON.stringify throws on cycles and bigints; an error message must still be produced.
const json = (value: unknown): string => {
  try {
    return (
      JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ??
      String(value)
    );
  } catch {
    return Object.prototype.toString.call(value);
  }
};

const truncate = (text: string): string =>
  text.length <= MAX_LENGTH ? text : `${text.slice(0, MAX_LENGTH - 1)}…`;
