import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { ScannedItem } from './scanSource.js';

const KeyText = t.array(
  t.tuple([t.string, t.union([t.literal('S'), t.literal('N'), t.literal('B')]), t.string]),
);

/** A scan position as text: key attributes are S, N or B (bytes as base64). */
export const scanKeyToText = (key: ScannedItem): string =>
  JSON.stringify(
    Object.keys(key).map((name) => {
      const value = key[name]!;
      if (value.S !== undefined) return [name, 'S', value.S];
      if (value.N !== undefined) return [name, 'N', value.N];
      if (value.B !== undefined) return [name, 'B', Buffer.from(value.B).toString('base64')];
      throw new TypeError(`scan key attribute ${name} is not S, N or B`);
    }),
  );

/** Reads what `scanKeyToText` wrote; `Left` with a message when the text is not such a key. */
export const scanKeyFromText = (text: string): E.Either<string, ScannedItem> => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return E.left(`not JSON: ${String(error)}`);
  }
  if (!KeyText.is(parsed)) return E.left(`not a scan key: ${text.slice(0, 200)}`);
  const key: ScannedItem = {};
  for (const [name, type, value] of parsed)
    Object.defineProperty(key, name, {
      value:
        type === 'S'
          ? { S: value }
          : type === 'N'
            ? { N: value }
            : { B: new Uint8Array(Buffer.from(value, 'base64')) },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return E.right(key);
};
