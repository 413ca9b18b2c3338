import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { typeOf } from '../item/attributeMap.js';
import { valuesEqual } from '../table/attributesEqual.js';

const bytesStartWith = (bytes: Uint8Array, prefix: Uint8Array): boolean =>
  prefix.byteLength <= bytes.byteLength && prefix.every((b, i) => bytes[i] === b);

const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean =>
  a.byteLength === b.byteLength && bytesStartWith(a, b);

/** `begins_with(a, b)`: a string or binary prefix test; false for any other types. */
export const beginsWith = (
  a: AttributeValue | undefined,
  b: AttributeValue | undefined,
): boolean => {
  if (a === undefined || b === undefined) return false;
  if (a.S !== undefined && b.S !== undefined) return a.S.startsWith(b.S);
  if (a.B !== undefined && b.B !== undefined) return bytesStartWith(a.B, b.B);
  return false;
};

/** `contains(a, b)`: substring of a string (or bytes of a binary), member of a set (of b's type), element of a list. */
export const contains = (a: AttributeValue | undefined, b: AttributeValue | undefined): boolean => {
  if (a === undefined || b === undefined) return false;
  if (a.S !== undefined) return b.S !== undefined && a.S.includes(b.S);
  // Not in the documentation, but DynamoDB Local finds a byte sequence inside a binary.
  if (a.B !== undefined) return b.B !== undefined && Buffer.from(a.B).includes(Buffer.from(b.B));
  // Set members and b are canonical, so equal numbers are equal strings.
  if (a.SS !== undefined) return b.S !== undefined && a.SS.includes(b.S);
  if (a.NS !== undefined) return b.N !== undefined && a.NS.includes(b.N);
  if (a.BS !== undefined)
    return b.B !== undefined && a.BS.some((m) => bytesEqual(m, b.B as Uint8Array));
  if (a.L !== undefined) return a.L.some((element) => valuesEqual(element, b));
  return false;
};

/** `attribute_type(a, :t)`: whether a exists and has the type tag `:t` names. */
export const hasType = (a: AttributeValue | undefined, t: AttributeValue | undefined): boolean =>
  a !== undefined && t?.S !== undefined && typeOf(a) === t.S;

/**
 * `size(a)`: characters of a string, bytes of a binary, members of a set, list or map; undefined
 * for other types (so the comparison it sits in is false).
 */
export const sizeOf = (a: AttributeValue | undefined): AttributeValue | undefined => {
  if (a === undefined) return undefined;
  const n =
    a.S?.length ??
    a.B?.byteLength ??
    a.SS?.length ??
    a.NS?.length ??
    a.BS?.length ??
    a.L?.length ??
    (a.M !== undefined ? Object.keys(a.M).length : undefined);
  return n === undefined ? undefined : { N: String(n) };
};
