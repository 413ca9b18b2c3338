import type { Callback, Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';

// biome-ignore lint/suspicious/noConfusingVoidType: mirrors @types/aws-lambda, so a `DynamoDBStreamHandler` fits.
type Response = DynamoDBBatchResponse | void;

/**
 * A Lambda handler for DynamoDB stream events: async (the usual), or callback style as
 * `DynamoDBStreamHandler` allows.
 */
export type StreamHandler = (
  event: DynamoDBStreamEvent,
  context: Context,
  callback: Callback<Response>,
) => Response | Promise<Response>;

/** What one call of the handler produced. */
export type HandlerResult = { readonly returned: unknown } | { readonly threw: unknown };

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === 'function';

/**
 * Calls the handler as the Node.js runtime does: a returned promise decides; a handler that takes
 * a callback and returns nothing decides by calling it; any other return value is the response.
 */
export const callHandler = async (
  handler: StreamHandler,
  event: DynamoDBStreamEvent,
  context: Context,
): Promise<HandlerResult> => {
  let settle: (result: HandlerResult) => void = () => {};
  const viaCallback = new Promise<HandlerResult>((resolve) => {
    settle = resolve;
  });
  const callback: Callback<Response> = (error, response) =>
    settle(error === null || error === undefined ? { returned: response } : { threw: error });
  try {
    const returned = handler(event, context, callback);
    if (isThenable(returned)) return { returned: await returned };
    if (returned === undefined && handler.length >= 3) return await viaCallback;
    return { returned };
  } catch (error) {
    return { threw: error };
  }
};
