import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { AttributeProblem } from '../../attributes/attributeFailure.js';
import { type InexactNumbers, readNumber } from '../../attributes/numberAttribute.js';
import { convertAttribute, convertAttributeMap } from '../../attributes/unmarshall.js';
import type { ObjectPlan } from './imagePlan.js';

/** Returned when the fast path cannot vouch for a result; the caller then takes the slow path. */
export const MISS: unique symbol = Symbol('fast path miss');

type Attributes = Record<string, unknown>;

/** An `N` payload as a `number`, or MISS (not text, not a number, or not one a `number` holds). */
export const numberOf = (text: unknown, inexact: InexactNumbers): number | typeof MISS => {
  if (typeof text !== 'string') return MISS;
  const value = readNumber(text, inexact);
  return typeof value === 'number' ? value : MISS;
};

/** Any AttributeValue unmarshalled, or MISS when malformed. */
export const anyValue = (attribute: unknown, inexact: InexactNumbers): unknown => {
  const value = convertAttribute(attribute, inexact);
  return value instanceof AttributeProblem ? MISS : value;
};

/** A map of AttributeValues unmarshalled, or MISS when malformed. */
export const anyMap = (map: unknown, inexact: InexactNumbers): unknown => {
  const value = convertAttributeMap(map, inexact);
  return value instanceof AttributeProblem ? MISS : value;
};

/** A codec applied to an unmarshalled value, or MISS when it rejects it. */
export const viaCodec = (codec: t.Decoder<unknown, unknown>, value: unknown): unknown => {
  const result = codec.decode(value);
  return E.isRight(result) ? result.right : MISS;
};

/**
 * Mirrors io-ts `type`/`partial` for declared names the map lacks: each is validated with its
 * codec against what the object reads for it (`undefined`, or an inherited value), and a value the
 * codec supplies (a default) is added, as io-ts adds it.
 */
export const fillAbsent = (plan: ObjectPlan, map: object, out: Attributes): unknown => {
  for (const { name, codec, required } of plan.fields) {
    if (Object.hasOwn(map, name)) continue;
    const current = out[name];
    const result = codec.decode(current);
    if (E.isLeft(result)) {
      if (required || current !== undefined) return MISS;
    } else if (result.right !== current || (required && result.right === undefined)) {
      out[name] = result.right;
    }
  }
  return out;
};
