import type * as t from 'io-ts';
import type { InexactNumbers } from '../../attributes/numberAttribute.js';
import { anyMap, anyValue, fillAbsent, MISS, numberOf, viaCodec } from './decoderRuntime.js';
import { type ImagePlan, imagePlanOf, type ObjectPlan } from './imagePlan.js';

/** Decodes a map of AttributeValues (an image) into a codec's type, or answers MISS. */
export type ImageDecoder = (map: unknown, inexact: InexactNumbers) => unknown;

/**
 * Compiles a codec into a decoder specialised for it, as ajv compiles JSON schemas: one small
 * function per codec node, each with its own call sites (so V8 sees one attribute shape per
 * field), a `switch` from attribute name to field, and named stores into the result. It must
 * answer exactly what `codec.decode(unmarshallItem(map))` answers on success, and MISS whenever
 * it is unsure. `undefined` where code cannot be generated (e.g. `new Function` is forbidden).
 */
export const compileImageDecoder = (
  codec: t.Decoder<unknown, unknown>,
): ImageDecoder | undefined => {
  const generator = new Generator();
  const root = generator.root(imagePlanOf(codec), codec);
  const source = `"use strict";\n${generator.functions.join('\n')}\nreturn ${root};`;
  try {
    const factory = new Function('MISS', 'h', 'C', source) as (
      miss: typeof MISS,
      runtime: typeof RUNTIME,
      constants: readonly unknown[],
    ) => ImageDecoder;
    return factory(MISS, RUNTIME, generator.constants);
  } catch {
    return undefined;
  }
};

const RUNTIME = {
  numberOf,
  anyValue,
  anyMap,
  viaCodec,
  fillAbsent,
  hasOwn: Object.prototype.hasOwnProperty,
};

const NOT_AN_OBJECT = 'typeof a !== "object" || a === null';

// Reads the payload `p` of an AttributeValue whose only defined key is `type`, or misses.
const payload = (type: string, check: string): string =>
  `if (${NOT_AN_OBJECT}) return MISS;
  const p = a[${JSON.stringify(type)}];
  if (${check}) return MISS;
  for (const t in a) if (t !== ${JSON.stringify(type)} && a[t] !== undefined) return MISS;`;

/** Code reading a scalar AttributeValue `a`: `body` checks it (or returns MISS), `result` is its value or MISS. */
interface Scalar {
  readonly parameters: string;
  readonly body: string;
  readonly result: string;
}

class Generator {
  readonly functions: string[] = [];
  readonly constants: unknown[] = [];

  /** The function decoding a whole image (a bare map, not an `M` AttributeValue). */
  root(plan: ImagePlan, codec: t.Decoder<unknown, unknown>): string {
    if (plan.kind === 'object') return this.objectFunction(plan.object);
    if (plan.kind === 'unknown') return this.define('m, x', 'return h.anyMap(m, x);');
    const c = this.constant(codec);
    return this.define(
      'm, x',
      `const v = h.anyMap(m, x); return v === MISS ? MISS : h.viaCodec(${c}, v);`,
    );
  }

  /** The function decoding one AttributeValue `a` with this plan. */
  attribute(plan: ImagePlan): string {
    switch (plan.kind) {
      case 'string':
      case 'number':
      case 'boolean':
      case 'null':
      case 'keyof':
      case 'literal': {
        const scalar = this.scalar(plan) as Scalar;
        return this.define(scalar.parameters, `${scalar.body} return ${scalar.result};`);
      }
      case 'unknown':
        return this.define('a, x', 'return h.anyValue(a, x);');
      case 'union': {
        const tries = plan.members
          .map((member) => `v = ${this.attribute(member)}(a, x); if (v !== MISS) return v;`)
          .join('\n  ');
        return this.define('a, x', `let v;\n  ${tries}\n  return MISS;`);
      }
      case 'list': {
        const item = this.attribute(plan.item);
        return this.define(
          'a, x',
          `${payload('L', '!Array.isArray(p)')}
  const n = p.length;
  const o = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = ${item}(p[i], x);
    if (v === MISS) return MISS;
    o[i] = v;
  }
  return o;`,
        );
      }
      case 'set':
        return plan.attributeType === 'SS'
          ? this.define(
              'a',
              `${payload('SS', '!Array.isArray(p)')}
  for (let i = 0; i < p.length; i++) if (typeof p[i] !== "string") return MISS;
  return new Set(p);`,
            )
          : this.define(
              'a, x',
              `${payload('NS', '!Array.isArray(p)')}
  const s = new Set();
  for (let i = 0; i < p.length; i++) {
    const v = h.numberOf(p[i], x);
    if (v === MISS) return MISS;
    s.add(v);
  }
  return s;`,
            );
      case 'refine': {
        const inner = this.attribute(plan.inner);
        const predicate = this.constant(plan.predicate);
        return this.define(
          'a, x',
          `const v = ${inner}(a, x); return v !== MISS && ${predicate}(v) ? v : MISS;`,
        );
      }
      case 'object': {
        const object = this.objectFunction(plan.object);
        return this.define('a, x', `${payload('M', 'p === undefined')} return ${object}(p, x);`);
      }
      case 'codec': {
        const c = this.constant(plan.codec);
        return this.define(
          'a, x',
          `const v = h.anyValue(a, x); return v === MISS ? MISS : h.viaCodec(${c}, v);`,
        );
      }
    }
  }

  /** Scalar plans, whose code is small enough to write inline where an object reads them. */
  scalar(plan: ImagePlan): Scalar | undefined {
    switch (plan.kind) {
      case 'string':
        return { parameters: 'a', body: payload('S', 'typeof p !== "string"'), result: 'p' };
      case 'number':
        return {
          parameters: 'a, x',
          body: payload('N', 'p === undefined'),
          result: 'h.numberOf(p, x)',
        };
      case 'boolean':
        return { parameters: 'a', body: payload('BOOL', 'typeof p !== "boolean"'), result: 'p' };
      case 'null':
        return { parameters: 'a', body: payload('NULL', 'p !== true'), result: 'null' };
      case 'keyof': {
        const keys = this.constant(plan.keys);
        const result = `h.hasOwn.call(${keys}, p) ? p : MISS`;
        return { parameters: 'a', body: payload('S', 'typeof p !== "string"'), result };
      }
      case 'literal':
        return this.literal(plan.value);
      default:
        return undefined;
    }
  }

  private literal(value: string | number | boolean): Scalar {
    const c = this.constant(value);
    if (typeof value === 'string')
      return { parameters: 'a', body: payload('S', `p !== ${c}`), result: c };
    if (typeof value === 'boolean')
      return { parameters: 'a', body: payload('BOOL', `p !== ${c}`), result: c };
    // io-ts answers with the literal itself (`-0` read for `0` gives `0`).
    const result = `h.numberOf(p, x) === ${c} ? ${c} : MISS`;
    return { parameters: 'a, x', body: payload('N', 'p === undefined'), result };
  }

  // Mirrors io-ts `type`/`partial`: every attribute is kept (unless `strip`), declared ones
  // decoded with their plan, and declared names the map lacks validated as io-ts validates them.
  private objectFunction(object: ObjectPlan): string {
    // Scalars are written inline: a call per attribute would soon exhaust what V8 inlines into
    // one optimised function (measured: the bench's images ~25% slower as calls).
    const reads = object.fields.map((field) => {
      const scalar = this.scalar(field.plan);
      return scalar === undefined
        ? `v = ${this.attribute(field.plan)}(a, x);`
        : `{\n  ${scalar.body}\n  v = ${scalar.result};\n  }`;
    });
    const names = object.fields.map((field) => JSON.stringify(field.name));
    const decodeField = (i: number) => `${reads[i]}
        if (v === MISS) return MISS;
        o[${names[i]}] = v;
        n++;
        j = ${i + 1};
        continue;`;
    // Images of one table mostly list their attributes in one order: `j` is the field after the
    // one decoded last, checked first, so the common case costs one comparison instead of a scan.
    const expected = names
      .map(
        (name, i) =>
          `case ${i}:\n        if (k === ${name}) {\n        ${decodeField(i)}\n        }\n        break;`,
      )
      .join('\n      ');
    const cases = names
      .map((name, i) => `case ${name}:\n        ${decodeField(i)}`)
      .join('\n      ');
    const keep = object.strip ? '' : 'o[k] = v;';
    const plan = this.constant(object);
    // Built with `new` from a constructor whose prototype is Object.prototype: the result is a
    // plain object in every respect, but V8 sizes it for all its fields after a few decodes
    // instead of growing a property store field by field (measured ~15% faster to build).
    const shape = `S${this.functions.length}`;
    this.functions.push(`function ${shape}() {}\n${shape}.prototype = Object.prototype;`);
    return this.define(
      'm, x',
      `if (typeof m !== "object" || m === null || Array.isArray(m) || m instanceof Uint8Array) return MISS;
  const o = new ${shape}();
  let n = 0;
  let j = 0;
  for (const k in m) {
    const a = m[k];
    let v;
    switch (j) {
      ${expected}
    }
    switch (k) {
      ${cases}
      case "__proto__":
        return MISS;
    }
    v = h.anyValue(a, x);
    if (v === MISS) return MISS;
    ${keep}
  }
  return n === ${object.fields.length} ? o : h.fillAbsent(${plan}, m, o);`,
    );
  }

  private constant(value: unknown): string {
    this.constants.push(value);
    return `C[${this.constants.length - 1}]`;
  }

  private define(parameters: string, body: string): string {
    const name = `f${this.functions.length}`;
    this.functions.push(`function ${name}(${parameters}) {\n  ${body}\n}`);
    return name;
  }
}
