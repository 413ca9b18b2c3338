import * as t from 'io-ts';
import { SetAttributeCodec, type SetAttributeType } from '../../attributes/setCodecs.js';

type Decoder = t.Decoder<unknown, unknown>;

/**
 * What the fast image decoder knows about one codec: a tree the code generator walks. Every kind
 * but `codec` is decoded straight from AttributeValues; `codec` is unmarshalled, then decoded.
 */
export type ImagePlan =
  | { readonly kind: 'string' | 'number' | 'boolean' | 'null' | 'unknown' }
  | { readonly kind: 'literal'; readonly value: string | number | boolean }
  | { readonly kind: 'keyof'; readonly keys: object }
  | { readonly kind: 'union'; readonly members: readonly ImagePlan[] }
  | { readonly kind: 'list'; readonly item: ImagePlan }
  | { readonly kind: 'set'; readonly attributeType: SetAttributeType }
  | { readonly kind: 'refine'; readonly inner: ImagePlan; readonly predicate: Predicate }
  | { readonly kind: 'object'; readonly object: ObjectPlan }
  | { readonly kind: 'codec'; readonly codec: Decoder };

type Predicate = (value: unknown) => boolean;

/** One declared property of an object codec. */
export interface FieldPlan {
  readonly name: string;
  readonly plan: ImagePlan;
  /** The property's own codec: absent properties are validated with it, as io-ts does. */
  readonly codec: Decoder;
  /** Declared by `t.type` (must validate even when absent) rather than `t.partial`. */
  readonly required: boolean;
}

/** An object codec: `type`, `partial`, an intersection of them, optionally `exact`. */
export interface ObjectPlan {
  readonly fields: readonly FieldPlan[];
  /** `t.exact`/`t.strict`: undeclared attributes are checked, then left out. */
  readonly strip: boolean;
}

/** Plans a codec; anything not recognised exactly becomes a `codec` leaf. */
export const imagePlanOf = (codec: Decoder): ImagePlan => {
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
    const members = (codec.types as Decoder[]).map(imagePlanOf);
    return members.every(isExact) ? { kind: 'union', members } : { kind: 'codec', codec };
  }
  if (codec instanceof t.ArrayType || codec instanceof t.ReadonlyArrayType) {
    return { kind: 'list', item: imagePlanOf(codec.type as Decoder) };
  }
  if (codec instanceof SetAttributeCodec)
    return { kind: 'set', attributeType: codec.attributeType };
  if (codec instanceof t.RefinementType) {
    const { type, predicate } = codec as t.RefinementType<Decoder & t.Any, unknown, unknown>;
    return { kind: 'refine', inner: imagePlanOf(type), predicate };
  }
  // `t.readonly` only narrows the static type; a hand-made ReadonlyType may validate differently.
  if (codec instanceof t.ReadonlyType && codec.validate === codec.type.validate) {
    return imagePlanOf(codec.type);
  }
  const object = objectPlanOf(codec);
  return object === undefined ? { kind: 'codec', codec } : { kind: 'object', object };
};

const objectPlanOf = (codec: Decoder): ObjectPlan | undefined => {
  if (codec instanceof t.InterfaceType || codec instanceof t.PartialType) {
    const required = codec instanceof t.InterfaceType;
    const fields = Object.entries(codec.props as Record<string, Decoder>).map(
      ([name, field]): FieldPlan => ({ name, plan: imagePlanOf(field), codec: field, required }),
    );
    // An own `__proto__` cannot be set safely on a plain object; the slow path explains.
    return fields.some((f) => f.name === '__proto__') ? undefined : { fields, strip: false };
  }
  if (codec instanceof t.IntersectionType) {
    // io-ts merges the members' results: for disjoint `type`/`partial` members that is one pass.
    const members = (codec.types as Decoder[]).map(objectPlanOf);
    const fields: FieldPlan[] = [];
    for (const member of members) {
      if (member === undefined || member.strip) return undefined;
      fields.push(...member.fields);
    }
    const names = new Set(fields.map((f) => f.name));
    return names.size === fields.length ? { fields, strip: false } : undefined;
  }
  if (codec instanceof t.ExactType) {
    const inner = objectPlanOf(codec.type as Decoder);
    return inner === undefined ? undefined : { fields: inner.fields, strip: true };
  }
  return undefined;
};

// Plans that miss exactly when their codec would reject the attribute's value: a union may try
// them in turn, as io-ts does, since a miss there means io-ts would go on to the next member too.
const isExact = (plan: ImagePlan): boolean =>
  plan.kind === 'string' ||
  plan.kind === 'number' ||
  plan.kind === 'boolean' ||
  plan.kind === 'null' ||
  plan.kind === 'literal' ||
  plan.kind === 'keyof' ||
  plan.kind === 'union' ||
  (plan.kind === 'refine' && isExact(plan.inner));
