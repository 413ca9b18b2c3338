import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import type { AttributeMap } from '../../item/attributeMap.js';
import { caseKey, type UpdateCase } from './updateCase.js';

// Random items and expressions over a small vocabulary of attribute names, so that paths meet
// existing values, missing ones and values of the wrong type often.

const scalar: fc.Arbitrary<AttributeValue> = fc.oneof(
  fc.integer({ min: -20, max: 20 }).map((n) => ({ N: String(n) })),
  fc.constantFrom('0.5', '-1.25', '1e3', '3.0').map((N) => ({ N })),
  fc.constantFrom('', 'a', 'ab', 'b', 'héllo').map((S) => ({ S })),
  fc.boolean().map((BOOL) => ({ BOOL })),
  fc.constant({ NULL: true }),
  fc.constantFrom([1], [1, 2], [200]).map((bytes) => ({ B: new Uint8Array(bytes) })),
);

const setValue: fc.Arbitrary<AttributeValue> = fc.oneof(
  fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { minLength: 1 }).map((SS) => ({ SS })),
  fc.uniqueArray(fc.constantFrom('1', '2', '3'), { minLength: 1 }).map((NS) => ({ NS })),
  fc
    .uniqueArray(fc.constantFrom(1, 2, 200), { minLength: 1 })
    .map((bytes) => ({ BS: bytes.map((b) => new Uint8Array([b])) })),
);

const value: fc.Arbitrary<AttributeValue> = fc.letrec<{ v: AttributeValue }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    setValue,
    fc.array(tie('v'), { maxLength: 3 }).map((L) => ({ L })),
    fc
      .dictionary(fc.constantFrom('x', 'y'), tie('v'), { maxKeys: 2 })
      .map((M) => ({ M: { ...M } })),
  ),
})).v;

const NAMES = ['a', 'b', 'l', 'm', 'n', 's'];

/** A random item under the cases' key. */
export const arbitraryItem: fc.Arbitrary<AttributeMap> = fc
  .dictionary(fc.constantFrom(...NAMES), value, { maxKeys: 6 })
  .map((attributes) => ({ ...attributes, ...caseKey }));

const path = fc.constantFrom(
  'a',
  'b',
  'l',
  'm',
  'n',
  's',
  'l[0]',
  'l[1]',
  'l[4]',
  'm.x',
  'm.y',
  'm.x.y',
  'l[0].x',
  'm.x[1]',
  '#name',
  '#name.x',
  'l[0][1]',
);

/** Builds the text of one expression while collecting its `:v` placeholders. */
class Values {
  readonly values: Record<string, AttributeValue> = {};
  add(v: AttributeValue): string {
    const key = `:v${Object.keys(this.values).length}`;
    this.values[key] = v;
    return key;
  }
}

type Piece = (values: Values) => string;

const operand: fc.Arbitrary<Piece> = fc.oneof(
  value.map((v) => (vs: Values) => vs.add(v)),
  path.map((p) => () => p),
);

const setRight: fc.Arbitrary<Piece> = fc.oneof(
  operand,
  fc.tuple(path, operand).map(
    ([p, o]) =>
      (vs: Values) =>
        `if_not_exists(${p}, ${o(vs)})`,
  ),
  fc.tuple(operand, operand).map(
    ([x, y]) =>
      (vs: Values) =>
        `list_append(${x(vs)}, ${y(vs)})`,
  ),
  fc.tuple(operand, fc.constantFrom('+', '-'), fc.integer({ min: -3, max: 3 })).map(
    ([x, op, n]) =>
      (vs: Values) =>
        `${x(vs)} ${op} ${vs.add({ N: String(n) })}`,
  ),
);

const clause = fc.oneof(
  fc
    .array(fc.tuple(path, setRight), { minLength: 1, maxLength: 3 })
    .map(
      (actions) => (vs: Values) => `SET ${actions.map(([p, r]) => `${p} = ${r(vs)}`).join(', ')}`,
    ),
  fc.array(path, { minLength: 1, maxLength: 3 }).map((ps) => () => `REMOVE ${ps.join(', ')}`),
  fc
    .tuple(
      path,
      fc.oneof(
        fc.integer({ min: -3, max: 3 }).map((n) => ({ N: String(n) })),
        setValue,
      ),
    )
    .map(
      ([p, v]) =>
        (vs: Values) =>
          `ADD ${p} ${vs.add(v)}`,
    ),
  fc.tuple(path, setValue).map(
    ([p, v]) =>
      (vs: Values) =>
        `DELETE ${p} ${vs.add(v)}`,
  ),
);

const comparison: fc.Arbitrary<Piece> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('pk', 'sk', 'n', 'l[0]', 'm.x'),
      fc.constantFrom('=', '<>', '<', '>='),
      path,
    )
    .map(
      ([a, op, b]) =>
        () =>
          `${a} ${op} ${b}`,
    ),
  fc.tuple(path, fc.constantFrom('=', '<'), path).map(
    ([a, op, b]) =>
      () =>
        `size(${a}) ${op} size(${b})`,
  ),
  fc.tuple(path, fc.constantFrom('=', '<>', '<', '<=', '>', '>='), scalar).map(
    ([p, op, v]) =>
      (vs: Values) =>
        `${p} ${op} ${vs.add(v)}`,
  ),
  fc.tuple(path, scalar, scalar).map(([p, lo, hi]) => (vs: Values) => {
    return `${p} BETWEEN ${vs.add(lo)} AND ${vs.add(hi)}`;
  }),
  fc.tuple(path, fc.array(scalar, { minLength: 1, maxLength: 3 })).map(
    ([p, list]) =>
      (vs: Values) =>
        `${p} IN (${list.map((v) => vs.add(v)).join(', ')})`,
  ),
  path.map((p) => () => `attribute_exists(${p})`),
  path.map((p) => () => `attribute_not_exists(${p})`),
  fc.tuple(path, fc.constantFrom('S', 'N', 'L', 'M', 'SS', 'NS', 'BOOL', 'NULL')).map(
    ([p, t]) =>
      (vs: Values) =>
        `attribute_type(${p}, ${vs.add({ S: t })})`,
  ),
  fc.tuple(path, fc.constantFrom('', 'a', 'h')).map(
    ([p, s]) =>
      (vs: Values) =>
        `begins_with(${p}, ${vs.add({ S: s })})`,
  ),
  fc.tuple(path, scalar).map(
    ([p, v]) =>
      (vs: Values) =>
        `contains(${p}, ${vs.add(v)})`,
  ),
  fc.tuple(path, fc.constantFrom('=', '<', '>='), fc.integer({ min: 0, max: 3 })).map(
    ([p, op, n]) =>
      (vs: Values) =>
        `size(${p}) ${op} ${vs.add({ N: String(n) })}`,
  ),
);

const condition: fc.Arbitrary<Piece> = fc.letrec<{ c: Piece }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    tie('c').map((c) => (vs: Values) => `NOT ${c(vs)}`),
    fc.tuple(tie('c'), fc.constantFrom('AND', 'OR'), tie('c')).map(
      ([x, op, y]) =>
        (vs: Values) =>
          `${x(vs)} ${op} ${y(vs)}`,
    ),
    tie('c').map((c) => (vs: Values) => `(${c(vs)})`),
  ),
})).c;

const build = (
  item: AttributeMap | undefined,
  clauses: Piece[],
  when: Piece | undefined,
): UpdateCase => {
  const vs = new Values();
  const update = clauses.map((c) => c(vs)).join(' ');
  const conditionText = when?.(vs);
  const usesName = `${update} ${conditionText ?? ''}`.includes('#name');
  return {
    name: 'random',
    item,
    update,
    ...(conditionText !== undefined ? { condition: conditionText } : {}),
    ...(usesName ? { names: { '#name': 'name' } } : {}),
    ...(Object.keys(vs.values).length > 0 ? { values: vs.values } : {}),
  };
};

/** A random UpdateItem: an item (or none), 1–3 clauses, and sometimes a condition. */
export const arbitraryUpdateCase: fc.Arbitrary<UpdateCase> = fc
  .tuple(
    fc.option(arbitraryItem, { nil: undefined, freq: 8 }),
    fc.array(clause, { minLength: 1, maxLength: 3 }),
    fc.option(condition, { nil: undefined }),
  )
  .map(([item, clauses, when]) => build(item, clauses, when));

/** A random condition on a random item, as an UpdateItem that only sets a marker attribute. */
export const arbitraryConditionCase: fc.Arbitrary<UpdateCase> = fc
  .tuple(fc.option(arbitraryItem, { nil: undefined, freq: 8 }), condition)
  .map(([item, when]) => build(item, [(vs) => `SET marker = ${vs.add({ BOOL: true })}`], when));
