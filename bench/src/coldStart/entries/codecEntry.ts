// A tiny entry using io-ts and fp-ts/lib as Sluice's packages do: the bundling test weighs it.
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

const Line = t.type({ orderId: t.string, quantity: t.number });

/** Whether `value` is an order line. */
export const handler = async (value: unknown): Promise<boolean> => E.isRight(Line.decode(value));
