import * as t from 'io-ts';

/** The DynamoDB set types whose members a `Set` of JS values stands for. */
export type SetAttributeType = 'SS' | 'NS';

/**
 * An io-ts codec for a DynamoDB set as `unmarshall` returns it: a `Set` whose members all pass
 * `member`. A class of its own so the fast image decoder can recognise it and read the set's
 * payload directly (a hand-made `t.Type` takes the generic path: unmarshall, then `decode`).
 */
export class SetAttributeCodec<A> extends t.Type<ReadonlySet<A>, ReadonlySet<A>, unknown> {
  /** Marks the codec kind, as io-ts codecs do. */
  readonly _tag = 'SetAttributeCodec' as const;

  constructor(
    name: string,
    /** The attribute type the set is stored as. */
    readonly attributeType: SetAttributeType,
    /** What every member must be. */
    readonly member: (value: unknown) => value is A,
  ) {
    const is = (u: unknown): u is ReadonlySet<A> => {
      if (!(u instanceof Set)) return false;
      for (const value of u) if (!member(value)) return false;
      return true;
    };
    super(name, is, (u, context) => (is(u) ? t.success(u) : t.failure(u, context)), t.identity);
  }
}

/** A DynamoDB string set (`SS`), which unmarshalls to a `Set<string>`. */
export const StringSetCodec: SetAttributeCodec<string> = new SetAttributeCodec(
  'StringSet',
  'SS',
  (v): v is string => typeof v === 'string',
);

/** A DynamoDB number set (`NS`), which unmarshalls to a `Set<number>` (numbers JS holds exactly). */
export const NumberSetCodec: SetAttributeCodec<number> = new SetAttributeCodec(
  'NumberSet',
  'NS',
  (v): v is number => typeof v === 'number',
);
