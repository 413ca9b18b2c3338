import * as t from 'io-ts';

const setOf = <A>(name: string, member: (value: unknown) => value is A) => {
  const is = (u: unknown): u is ReadonlySet<A> => {
    if (!(u instanceof Set)) return false;
    for (const value of u) if (!member(value)) return false;
    return true;
  };
  return new t.Type<ReadonlySet<A>, ReadonlySet<A>, unknown>(
    name,
    is,
    (u, context) => (is(u) ? t.success(u) : t.failure(u, context)),
    t.identity,
  );
};

/** A DynamoDB string set (`SS`), which unmarshalls to a `Set<string>`. */
export const StringSetCodec = setOf('StringSet', (v): v is string => typeof v === 'string');

/** A DynamoDB number set (`NS`), which unmarshalls to a `Set<number>`. */
export const NumberSetCodec = setOf('NumberSet', (v): v is number => typeof v === 'number');
