import * as E from 'fp-ts/lib/Either.js';
import { describeValue } from '../errors/describeValue.js';
import { type AttributeFailure, AttributeProblem } from './attributeFailure.js';
import type { AttributeMapInput, AttributeValueInput } from './attributeValueInput.js';
import { readBinary } from './binaryAttribute.js';
import { type InexactNumbers, readNumber } from './numberAttribute.js';

/** Options of `unmarshallItem` and `unmarshallValue`. */
export interface UnmarshallOptions {
  /** What to do with a number a JS `number` cannot hold exactly; see `InexactNumbers`. Default `fail`. */
  readonly inexactNumbers?: InexactNumbers;
}

/**
 * Unmarshalls a map of AttributeValues (an item, its keys or an image) to plain JS values,
 * giving exactly what util-dynamodb's `unmarshall` gives for well-formed input: numbers as
 * `number` (`bigint` beyond 2^53), sets as `Set`, binary as `Uint8Array`, `NULL` as `null`.
 * Unlike it, malformed input is a failure value, never a throw: an AttributeValue with no type
 * or two, an unknown type, a payload of the wrong kind, an `N` that is not a number, or one JS
 * would round, and an attribute named `__proto__` (util-dynamodb would set the object's
 * prototype from it). `constructor` and `prototype` are plain data; no prototype is touched.
 * Binary given as base64 text (Lambda JSON) is decoded, so both record shapes give the same bytes.
 */
export const unmarshallItem = (
  map: AttributeMapInput | unknown,
  options?: UnmarshallOptions,
): E.Either<AttributeFailure, Record<string, unknown>> => {
  const result = convertAttributeMap(map, options?.inexactNumbers ?? 'fail');
  return result instanceof AttributeProblem ? E.left(result.toFailure()) : E.right(result);
};

/** Unmarshalls one AttributeValue, with the same rules as `unmarshallItem`. */
export const unmarshallValue = (
  value: AttributeValueInput | unknown,
  options?: UnmarshallOptions,
): E.Either<AttributeFailure, unknown> => {
  const result = convertAttribute(value, options?.inexactNumbers ?? 'fail');
  return result instanceof AttributeProblem ? E.left(result.toFailure()) : E.right(result);
};

type Payloads = Record<string, unknown>;

/** Internal: one AttributeValue to its JS value, or the problem found (no Either per value, for speed). */
export const convertAttribute = (attribute: unknown, inexact: InexactNumbers): unknown => {
  if (typeof attribute !== 'object' || attribute === null || Array.isArray(attribute)) {
    return invalid(`expected an AttributeValue object, got ${describeValue(attribute)}`);
  }
  // Exactly one type key with a defined value; SDK objects may carry other keys set to undefined.
  let type: string | undefined;
  let payload: unknown;
  let types = 0;
  for (const key in attribute) {
    const value = (attribute as Payloads)[key];
    if (value !== undefined) {
      types++;
      type = key;
      payload = value;
    }
  }
  if (types !== 1) return wrongTypeCount(attribute as Payloads, types);
  switch (type) {
    case 'S':
      return typeof payload === 'string' ? payload : wrongPayload('S', 'a string', payload);
    case 'N':
      return readNumber(payload, inexact);
    case 'BOOL':
      return typeof payload === 'boolean' ? payload : wrongPayload('BOOL', 'a boolean', payload);
    case 'NULL':
      return payload === true ? null : wrongPayload('NULL', 'true', payload);
    case 'M':
      return convertAttributeMap(payload, inexact);
    case 'L':
      return convertList(payload, inexact);
    case 'SS':
      return convertStringSet(payload);
    case 'NS':
      return convertNumberSet(payload, inexact);
    case 'B':
      return readBinary(payload, 'B');
    case 'BS':
      return convertBinarySet(payload);
    default:
      return invalid(`unknown AttributeValue type ${JSON.stringify(type)}`);
  }
};

/** Internal: a map of AttributeValues to a plain object, or the problem found. */
export const convertAttributeMap = (
  map: unknown,
  inexact: InexactNumbers,
): Payloads | AttributeProblem => {
  if (typeof map !== 'object' || map === null || Array.isArray(map) || map instanceof Uint8Array) {
    return invalid(`M expects a map of AttributeValues, got ${describeValue(map)}`);
  }
  const out: Payloads = {};
  for (const name in map) {
    // Copying an own `__proto__` (Object.assign, spread into a setter, io-ts `type`) replaces the
    // copy's prototype with attacker-chosen data; refuse the name rather than hand it on.
    if (name === '__proto__') return invalid(PROTO_REFUSED).at(name);
    const value = convertAttribute((map as Payloads)[name], inexact);
    if (value instanceof AttributeProblem) return value.at(name);
    out[name] = value;
  }
  return out;
};

const convertList = (list: unknown, inexact: InexactNumbers): unknown[] | AttributeProblem => {
  if (!Array.isArray(list)) return wrongPayload('L', 'a list of AttributeValues', list);
  const out = new Array<unknown>(list.length);
  for (let i = 0; i < list.length; i++) {
    const value = convertAttribute(list[i], inexact);
    if (value instanceof AttributeProblem) return value.at(i);
    out[i] = value;
  }
  return out;
};

const convertStringSet = (set: unknown): Set<string> | AttributeProblem => {
  if (!Array.isArray(set)) return wrongPayload('SS', 'a list of strings', set);
  for (let i = 0; i < set.length; i++) {
    if (typeof set[i] !== 'string') return wrongPayload('SS', 'strings', set[i]).at(i);
  }
  return new Set(set as string[]);
};

const convertNumberSet = (
  set: unknown,
  inexact: InexactNumbers,
): Set<unknown> | AttributeProblem => {
  if (!Array.isArray(set)) return wrongPayload('NS', 'a list of numbers written as text', set);
  const out = new Set<unknown>();
  for (let i = 0; i < set.length; i++) {
    const value = readNumber(set[i], inexact);
    if (value instanceof AttributeProblem) return value.at(i);
    out.add(value);
  }
  return out;
};

const convertBinarySet = (set: unknown): Set<Uint8Array> | AttributeProblem => {
  if (!Array.isArray(set)) return wrongPayload('BS', 'a list of binary values', set);
  const out = new Set<Uint8Array>();
  for (let i = 0; i < set.length; i++) {
    const value = readBinary(set[i], 'BS');
    if (value instanceof AttributeProblem) return value.at(i);
    out.add(value);
  }
  return out;
};

const PROTO_REFUSED =
  'the attribute name "__proto__" is refused: a JS object cannot hold it safely (copying it replaces a prototype)';

const invalid = (detail: string): AttributeProblem =>
  new AttributeProblem('InvalidAttributeValue', detail);

const wrongPayload = (type: string, expected: string, got: unknown): AttributeProblem =>
  invalid(`${type} expects ${expected}, got ${describeValue(got)}`);

const wrongTypeCount = (attribute: Payloads, types: number): AttributeProblem =>
  types === 0
    ? invalid(`AttributeValue has no type (expected one of S, N, B, BOOL, NULL, M, L, SS, NS, BS)`)
    : invalid(
        `AttributeValue has ${types} types (${Object.keys(attribute)
          .filter((key) => attribute[key] !== undefined)
          .join(', ')}); it must have exactly one`,
      );
