import { marshall } from '@aws-sdk/util-dynamodb';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it, vi } from 'vitest';
import { NumberSetCodec, StringSetCodec } from '../attributes/setCodecs.js';
import { unmarshallItem } from '../attributes/unmarshall.js';
import { fastDecodeMap, MISS } from './fastImageDecode.js';

// A codec turning a missing value into a default: io-ts then adds the property to the object.
const WithDefault = new t.Type<string, string, unknown>(
  'WithDefault',
  t.string.is,
  (u, c) => (u === undefined ? t.success('default') : t.string.validate(u, c)),
  (s) => s,
);

const Line = t.type({ sku: t.string, qty: t.number });
const Order = t.type({
  id: t.string,
  total: t.number,
  paid: t.boolean,
  deleted: t.null,
  note: t.union([t.string, t.undefined]),
  lines: t.array(Line),
  meta: t.partial({ channel: t.string, gift: t.boolean, label: WithDefault }),
  labels: t.readonlyArray(t.string),
  address: t.readonly(t.type({ city: t.string })),
  count: t.Int,
  status: t.keyof({ OPEN: null, SHIPPED: null }),
  kind: t.literal('line'),
  rank: t.literal(0),
  live: t.literal(true),
  comment: t.union([t.string, t.null]),
  mixed: t.union([t.literal(false), t.number, t.union([t.keyof({ a: null }), t.null])]),
  tags: t.unknown,
  fallback: WithDefault,
  valueOf: t.union([t.string, t.undefined]),
  sizes: NumberSetCodec,
  colours: StringSetCodec,
  box: t.exact(t.type({ width: t.number })),
  parcel: t.intersection([t.type({ id: t.string }), t.partial({ weight: t.Int })]),
  score: t.union([t.Int, t.string]),
});

const { colours: _colours, ...rest } = Order.props;
/** The same fields as `Order`, as an intersection of a `type` and a `partial`. */
const OrderIntersection = t.intersection([t.type(rest), t.partial({ colours: StringSetCodec })]);

/** A value of the expected shape most of the time, else something else or nothing. */
const mostly = <A>(right: fc.Arbitrary<A>): fc.Arbitrary<A | unknown> =>
  fc.oneof(
    { arbitrary: right, weight: 8 },
    { arbitrary: fc.constant(undefined), weight: 1 },
    {
      arbitrary: fc.oneof(
        fc.string(),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.boolean(),
        fc.constant(null),
        fc.constant('LOST'),
      ),
      weight: 1,
    },
  );

type Wrap = <A>(right: fc.Arbitrary<A>) => fc.Arbitrary<A | unknown>;
const optional = <A>(arbitrary: fc.Arbitrary<A>) => fc.option(arbitrary, { nil: undefined });

const orderArbitrary = (field: Wrap) =>
  fc.record({
    id: field(fc.string()),
    total: field(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 })),
    paid: field(fc.boolean()),
    deleted: field(fc.constant(null)),
    note: field(optional(fc.string())),
    lines: field(
      fc.array(fc.record({ sku: field(fc.string()), qty: field(fc.integer()) }), { maxLength: 3 }),
    ),
    meta: field(
      fc.record(
        { channel: field(fc.string()), gift: field(fc.boolean()), label: field(fc.string()) },
        { requiredKeys: [] },
      ),
    ),
    labels: field(fc.array(field(fc.string()), { maxLength: 3 })),
    address: field(fc.record({ city: field(fc.string()) })),
    count: field(fc.integer()),
    status: field(fc.constantFrom('OPEN', 'SHIPPED')),
    kind: field(fc.constant('line')),
    // -0 marshalls as "0" and decodes as the literal 0, as io-ts answers.
    rank: field(fc.constantFrom(0, -0)),
    live: field(fc.constant(true)),
    comment: field(fc.option(fc.string(), { nil: null })),
    mixed: field(fc.oneof(fc.constant(false), fc.integer(), fc.constant('a'), fc.constant(null))),
    tags: field(
      fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 3 }).map((xs) => new Set(xs)),
    ),
    fallback: field(optional(fc.string())),
    // Absent, `valueOf` reads Object.prototype's function, which io-ts rejects: keep it present.
    valueOf: field(fc.string()),
    sizes: field(
      fc.uniqueArray(fc.integer(), { minLength: 1, maxLength: 3 }).map((xs) => new Set(xs)),
    ),
    colours: field(
      fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 3 }).map((xs) => new Set(xs)),
    ),
    box: field(
      fc.record(
        { width: field(fc.integer()), depth: field(fc.integer()) },
        { requiredKeys: ['width'] },
      ),
    ),
    parcel: field(
      fc.record({ id: field(fc.string()), weight: field(fc.integer()) }, { requiredKeys: ['id'] }),
    ),
    score: field(fc.oneof(fc.integer(), fc.string())),
    // An attribute named `__proto__` makes an item invalid (core refuses it), so not here.
    extra: field(
      fc.dictionary(
        fc.string().filter((name) => name !== '__proto__'),
        fc.integer(),
        { maxKeys: 2, noNullPrototype: true },
      ),
    ),
  });

/** Items of the expected shape. */
const validOrder = orderArbitrary((right) => right);
/** Items whose fields are mostly right, sometimes missing, of another type or out of range. */
const orderLike = orderArbitrary(mostly);

// A cheap per-seed order of attribute names.
const hashOf = (name: string, seed: number): number => {
  let h = seed;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h;
};

const slowPath = (codec: t.Decoder<unknown, unknown>, map: unknown) => {
  const item = unmarshallItem(map);
  return E.isLeft(item) ? item : codec.decode(item.right);
};

describe('fastDecodeMap', () => {
  it('answers, whenever it answers, exactly what unmarshall then codec.decode answers', () => {
    fc.assert(
      fc.property(orderLike, (order) => {
        const map = marshall(order, { removeUndefinedValues: true });
        const codecs = [
          Order,
          t.partial(Order.props),
          t.exact(Order),
          t.strict({ id: t.string, tags: t.unknown }),
          OrderIntersection,
          t.UnknownRecord,
          t.unknown,
          Line,
        ];
        for (const codec of codecs) {
          const fast = fastDecodeMap(codec, map, 'fail');
          const slow = slowPath(codec, map);
          if (fast !== MISS) expect(slow).toStrictEqual(E.right(fast));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('answers for every valid item, the same as the slow path, so valid records never take it', () => {
    fc.assert(
      fc.property(validOrder, (order) => {
        const map = marshall(order, { removeUndefinedValues: true });
        for (const codec of [Order, t.exact(Order), OrderIntersection]) {
          const fast = fastDecodeMap(codec, map, 'fail');
          expect(fast).not.toBe(MISS);
          expect(slowPath(codec, map)).toStrictEqual(E.right(fast));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('answers the same as the slow path, key order included, whatever order the image lists its attributes in', () => {
    // The decoder expects the attributes in the order it last saw; shuffled images take its
    // fallback, and the result keeps the image's order as the unmarshalled object does.
    const keyOrder = (value: unknown): unknown =>
      value !== null && typeof value === 'object' && !(value instanceof Set)
        ? Object.entries(value).map(([k, v]) => [k, keyOrder(v)])
        : value;
    fc.assert(
      fc.property(
        validOrder,
        fc.array(fc.nat(), { minLength: 1, maxLength: 30 }),
        (order, seeds) => {
          const map = marshall(order, { removeUndefinedValues: true });
          const entries = Object.entries(map);
          // Decode the marshalled order first, so the shuffled one below meets a warmed expectation.
          for (const seed of [0, ...seeds]) {
            const shuffled = Object.fromEntries(
              seed === 0
                ? entries
                : [...entries].sort((a, b) => hashOf(a[0], seed) - hashOf(b[0], seed)),
            );
            for (const codec of [Order, t.exact(Order), OrderIntersection]) {
              const fast = fastDecodeMap(codec, shuffled, 'fail');
              const slow = slowPath(codec, shuffled);
              expect(fast).not.toBe(MISS);
              expect(slow).toStrictEqual(E.right(fast));
              expect(keyOrder(fast)).toStrictEqual(
                keyOrder(E.isRight(slow) ? slow.right : undefined),
              );
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('adds a default for a missing property as io-ts does, and leaves other absent ones absent', () => {
    const Item = t.type({ a: WithDefault, b: t.union([t.string, t.undefined]) });
    const fast = fastDecodeMap(Item, {}, 'fail');
    expect(fast).toStrictEqual({ a: 'default', b: undefined });
    expect(E.right(fast)).toStrictEqual(Item.decode({}));
    expect(fastDecodeMap(t.partial(Item.props), {}, 'fail')).toStrictEqual({ a: 'default' });
  });

  it('decodes literals, keyof and unions of them with null without calling their codecs', () => {
    const fields = {
      kind: t.literal('line'),
      status: t.keyof({ OPEN: null }),
      note: t.union([t.string, t.null]),
    };
    const spies = Object.values(fields).map((codec) => vi.spyOn(codec, 'decode'));
    const map = { kind: { S: 'line' }, status: { S: 'OPEN' }, note: { NULL: true } };
    expect(fastDecodeMap(t.type(fields), map, 'fail')).toStrictEqual({
      kind: 'line',
      status: 'OPEN',
      note: null,
    });
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('checks refinements and leaves out what an exact codec strips', () => {
    const Parcel = t.exact(t.type({ id: t.string, weight: t.Int }));
    const map = { id: { S: 'p1' }, weight: { N: '2' }, label: { S: 'fragile' } };
    expect(fastDecodeMap(Parcel, map, 'fail')).toStrictEqual({ id: 'p1', weight: 2 });
    expect(fastDecodeMap(Parcel, { ...map, weight: { N: '2.5' } }, 'fail')).toBe(MISS);
    // A stripped attribute must still be a valid AttributeValue, as the slow path requires.
    expect(fastDecodeMap(Parcel, { ...map, label: { S: 1 } }, 'fail')).toBe(MISS);
  });

  it('reads DynamoDB sets into Sets of their members', () => {
    const Item = t.type({ tags: StringSetCodec, sizes: NumberSetCodec });
    const map = { tags: { SS: ['a', 'b'] }, sizes: { NS: ['1', '2.5'] } };
    expect(fastDecodeMap(Item, map, 'fail')).toStrictEqual({
      tags: new Set(['a', 'b']),
      sizes: new Set([1, 2.5]),
    });
    expect(fastDecodeMap(Item, { ...map, tags: { NS: ['1'] } }, 'fail')).toBe(MISS);
    expect(fastDecodeMap(Item, { ...map, sizes: { NS: ['x'] } }, 'fail')).toBe(MISS);
    expect(fastDecodeMap(Item, { ...map, tags: { SS: ['a', 1] } }, 'fail')).toBe(MISS);
  });

  it('leaves failures to the slow path', () => {
    expect(fastDecodeMap(Line, { sku: { S: 'a' }, qty: { S: '1' } }, 'fail')).toBe(MISS);
    expect(fastDecodeMap(Line, { sku: { S: 'a' } }, 'fail')).toBe(MISS);
    expect(fastDecodeMap(Line, { sku: { S: 'a' }, qty: { N: '1', S: 'x' } }, 'fail')).toBe(MISS);
    expect(
      fastDecodeMap(
        Line,
        JSON.parse('{"sku":{"S":"a"},"qty":{"N":"1"},"__proto__":{"S":"x"}}'),
        'fail',
      ),
    ).toBe(MISS);
  });
});
