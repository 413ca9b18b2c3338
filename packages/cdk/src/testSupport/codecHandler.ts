// A function that decodes with io-ts and fp-ts/lib as Sluice's packages do: the bundling test
// looks at which fp-ts build its bundle holds.
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

const Line = t.type({ orderId: t.string, quantity: t.number });

/** Whether the event is an order line. */
export const handler = async (event: unknown) => ({ line: E.isRight(Line.decode(event)) });
