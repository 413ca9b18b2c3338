import type { AttributeMap, AttributeValue } from '../item/attributeMap.js';
import { validationException } from '../table/dynamoDbErrors.js';

// AWS JSON 1.0 carries binary as base64 text and timestamps as epoch seconds; the engine holds
// `Uint8Array`s and `Date`s. These functions translate at the wire, nowhere else.

const fromBase64 = (text: unknown): Uint8Array => {
  if (typeof text !== 'string') throw validationException('Binary values must be base64 strings');
  return new Uint8Array(Buffer.from(text, 'base64'));
};

/** One AttributeValue from its wire form: `B`/`BS` decoded from base64, lists and maps recursed. */
export const wireValue = (value: unknown): AttributeValue => {
  if (typeof value !== 'object' || value === null) return value as AttributeValue;
  const v = value as Record<string, unknown>;
  if (v.B !== undefined) return { ...v, B: fromBase64(v.B) } as AttributeValue;
  if (Array.isArray(v.BS)) return { ...v, BS: v.BS.map(fromBase64) } as AttributeValue;
  if (Array.isArray(v.L)) return { ...v, L: v.L.map(wireValue) } as AttributeValue;
  if (typeof v.M === 'object' && v.M !== null)
    return { ...v, M: wireMap(v.M as Record<string, unknown>) } as AttributeValue;
  return value as AttributeValue;
};

/** A map of AttributeValues (item, key, ExpressionAttributeValues) from its wire form. */
export function wireMap(map: unknown): AttributeMap;
export function wireMap(map: unknown | undefined): AttributeMap | undefined;
export function wireMap(map: unknown): AttributeMap | undefined {
  if (map === undefined || map === null) return undefined;
  if (typeof map !== 'object' || Array.isArray(map)) return map as AttributeMap;
  const out: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(map)) {
    // defineProperty keeps an attribute named `__proto__` as data.
    Object.defineProperty(out, name, {
      value: wireValue(value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function replacer(this: unknown, key: string, value: unknown): unknown {
  const original = (this as Record<string, unknown>)[key];
  if (original instanceof Date) return original.getTime() / 1000;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return value;
}

/** The response body for an output holding engine values (binary, dates). */
export const toWireJson = (output: unknown): string => JSON.stringify(output, replacer);
