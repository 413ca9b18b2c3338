import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { AttributeProblem } from '../attributes/attributeFailure.js';
import { type InexactNumbers, readNumber } from '../attributes/numberAttribute.js';
import { convertAttribute, convertAttributeMap } from '../attributes/unmarshall.js';

/** Returned when the fast path cannot vouch for a result; the caller then takes the slow path. */
export const MISS: unique symbol = Symbol('fast path miss');

type Decoder = t.Decoder<unknown, unknown>;
type Attributes = Record<string, unknown>;

/** What the fast path knows how to do for one codec; a tree interpreted by one switch. */
type Plan =
  | { readonly kind: 'string' | 'number' | 'boolean' | 'null' | 'unknown' }
  | { readonly kind: 'literal'; readonly value: string | number | boolean }
  | { readonly kind: 'keyof'; readonly keys: object }
  | { readonly kind: 'union'; readonly members: readonly Plan[] }
  | { readonly kind: 'list'; readonly item: Plan }
  | { readonly kind: 'object'; readonly object: ObjectPlan }
  | { readonly kind: 'codec'; readonly codec: Decoder };

interface ObjectPlan {
  readonly required: boolean;
  readonly codecs: ReadonlyMap<string, Decoder>;
  readonly fields: ReadonlyMap<string, Plan>;
  // Images of one table list their attributes in the same order: the last order seen lets each
  // attribute's plan be found by position instead of by name.
  readonly seenNames: string[];
  readonly seenFields: Array<Plan | undefined>;
}

const plans = new WeakMap<Decoder, Plan>();

/**
 * Decodes a map of AttributeValues straight into a codec's type in one walk, without building
 * the intermediate unmarshalled object and io-ts contexts, for the codecs it knows (string,
 * number, boolean, null, unknown, literal, keyof, unions of those scalars, type, partial, array,
 * readonly); other codecs are applied to the unmarshalled value. It must return exactly what
 * `codec.decode(unmarshallItem(map))` returns on success; whenever it is unsure it returns
 * `MISS`, and the slow path, which also explains failures, decides. Each codec is planned once
 * and the plan cached.
 */
export const fastDecodeMap = (codec: Decoder, map: unknown, inexact: InexactNumbers): unknown => {
  let plan = plans.get(codec);
  if (plan === undefined) {
    plan = planOf(codec);
    plans.set(codec, plan);
  }
  if (plan.kind === 'object') return decodeObject(plan.object, map, inexact);
  if (plan.kind === 'unknown') {
    const value = convertAttributeMap(map, inexact);
    return value instanceof AttributeProblem ? MISS : value;
  }
  // A top-level image is a bare map, not an `M` AttributeValue: unmarshall it, then apply the codec.
  const value = convertAttributeMap(map, inexact);
  return value instanceof AttributeProblem ? MISS : viaCodec(codec, value);
};

const planOf = (codec: Decoder): Plan => {
  if (codec instanceof t.StringType) return { kind: 'string' };
  if (codec instanceof t.NumberType) return { kind: 'number' };
  if (codec instanceof t.BooleanType) return { kind: 'boolean' };
  if (codec instanceof t.NullType) return { kind: 'null' };
  if (codec instanceof t.UnknownType) return { kind: 'unknown' };
  if (codec instanceof t.LiteralType) {
    const value: unknown = codec.value;
    const scalar =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    return scalar ? { kind: 'literal', value } : { kind: 'codec', codec };
  }
  if (codec instanceof t.KeyofType) return { kind: 'keyof', keys: codec.keys as object };
  if (codec instanceof t.UnionType) {
    const members = (codec.types as Decoder[]).map(planOf);
    return members.every(isExact) ? { kind: 'union', members } : { kind: 'codec', codec };
  }
  if (codec instanceof t.InterfaceType || codec instanceof t.PartialType) {
    const codecs = new Map(Object.entries(codec.props as Record<string, Decoder>));
    const fields = new Map([...codecs].map(([name, field]) => [name, planOf(field)]));
    const required = codec instanceof t.InterfaceType;
    return { kind: 'object', object: { required, codecs, fields, seenNames: [], seenFields: [] } };
  }
  if (codec instanceof t.ArrayType || codec instanceof t.ReadonlyArrayType) {
    return { kind: 'list', item: planOf(codec.type as Decoder) };
  }
  // `t.readonly` only narrows the static type; a hand-made ReadonlyType may validate differently.
  if (codec instanceof t.ReadonlyType && codec.validate === codec.type.validate) {
    return planOf(codec.type);
  }
  return { kind: 'codec', codec };
};

// Plans that miss exactly when their codec would reject the attribute's value: a union may try
// them in turn, as io-ts does, since a miss there means io-ts would go on to the next member too.
const isExact = (plan: Plan): boolean =>
  plan.kind === 'string' ||
  plan.kind === 'number' ||
  plan.kind === 'boolean' ||
  plan.kind === 'null' ||
  plan.kind === 'literal' ||
  plan.kind === 'keyof' ||
  plan.kind === 'union';

const hasOwn = Object.prototype.hasOwnProperty;

const decodeValue = (plan: Plan, attribute: unknown, inexact: InexactNumbers): unknown => {
  switch (plan.kind) {
    case 'string': {
      const s = payloadOf(attribute, 'S');
      return typeof s === 'string' ? s : MISS;
    }
    case 'number': {
      const n = payloadOf(attribute, 'N');
      const value = n === MISS ? n : readNumber(n, inexact);
      return typeof value === 'number' ? value : MISS;
    }
    case 'boolean': {
      const b = payloadOf(attribute, 'BOOL');
      return typeof b === 'boolean' ? b : MISS;
    }
    case 'null':
      return payloadOf(attribute, 'NULL') === true ? null : MISS;
    case 'literal': {
      const { value } = plan;
      const type = typeof value === 'string' ? 'S' : typeof value === 'number' ? 'N' : 'BOOL';
      const payload = payloadOf(attribute, type);
      const read = type === 'N' && payload !== MISS ? readNumber(payload, inexact) : payload;
      // io-ts answers with the literal itself (`-0` read for `0` gives `0`).
      return read === value ? value : MISS;
    }
    case 'keyof': {
      const s = payloadOf(attribute, 'S');
      return typeof s === 'string' && hasOwn.call(plan.keys, s) ? s : MISS;
    }
    case 'union': {
      for (const member of plan.members) {
        const value = decodeValue(member, attribute, inexact);
        if (value !== MISS) return value;
      }
      return MISS;
    }
    case 'object': {
      const map = payloadOf(attribute, 'M');
      return map === MISS ? MISS : decodeObject(plan.object, map, inexact);
    }
    case 'list': {
      const list = payloadOf(attribute, 'L');
      return Array.isArray(list) ? decodeList(plan.item, list, inexact) : MISS;
    }
    case 'unknown': {
      const value = convertAttribute(attribute, inexact);
      return value instanceof AttributeProblem ? MISS : value;
    }
    case 'codec': {
      const value = convertAttribute(attribute, inexact);
      return value instanceof AttributeProblem ? MISS : viaCodec(plan.codec, value);
    }
  }
};

// The payload of an AttributeValue whose only defined key is `type`, else MISS.
const payloadOf = (attribute: unknown, type: string): unknown => {
  if (typeof attribute !== 'object' || attribute === null) return MISS;
  let payload: unknown = MISS;
  for (const key in attribute) {
    const value = (attribute as Attributes)[key];
    if (value === undefined) continue;
    if (key !== type || payload !== MISS) return MISS;
    payload = value;
  }
  return payload;
};

const decodeList = (item: Plan, list: unknown[], inexact: InexactNumbers): unknown => {
  const out = new Array<unknown>(list.length);
  for (let i = 0; i < list.length; i++) {
    const value = decodeValue(item, list[i], inexact);
    if (value === MISS) return MISS;
    out[i] = value;
  }
  return out;
};

const UNDECLARED: Plan = { kind: 'unknown' };

// Mirrors io-ts `type`/`partial`: every attribute is kept, declared ones decoded with their codec,
// and declared names the map lacks are validated with what the object reads for them.
const decodeObject = (plan: ObjectPlan, map: unknown, inexact: InexactNumbers): unknown => {
  if (typeof map !== 'object' || map === null || Array.isArray(map) || map instanceof Uint8Array) {
    return MISS;
  }
  const { seenNames, seenFields } = plan;
  const out: Attributes = {};
  let declared = 0;
  let position = 0;
  for (const name in map) {
    let field: Plan | undefined;
    if (seenNames[position] === name) {
      field = seenFields[position];
    } else {
      // The slow path refuses `__proto__` and explains why.
      if (name === '__proto__') return MISS;
      field = plan.fields.get(name);
      seenNames[position] = name;
      seenFields[position] = field;
    }
    position++;
    const value = decodeValue(field ?? UNDECLARED, (map as Attributes)[name], inexact);
    if (value === MISS) return MISS;
    if (field !== undefined) declared++;
    out[name] = value;
  }
  return declared === plan.fields.size ? out : fillAbsent(plan, map, out);
};

const fillAbsent = (plan: ObjectPlan, map: object, out: Attributes): unknown => {
  for (const [name, codec] of plan.codecs) {
    if (Object.hasOwn(map, name)) continue;
    if (name === '__proto__') return MISS;
    const current = out[name];
    const result = codec.decode(current);
    if (E.isLeft(result)) {
      if (plan.required || current !== undefined) return MISS;
    } else if (result.right !== current || (plan.required && result.right === undefined)) {
      out[name] = result.right;
    }
  }
  return out;
};

const viaCodec = (codec: Decoder, value: unknown): unknown => {
  const result = codec.decode(value);
  return E.isRight(result) ? result.right : MISS;
};
