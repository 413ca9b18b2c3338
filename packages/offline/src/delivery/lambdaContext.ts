import type { Context } from 'aws-lambda';

/** A Lambda `Context` for one simulated invocation. */
export const lambdaContext = (
  functionName: string,
  functionArn: string,
  requestId: string,
): Context => ({
  callbackWaitsForEmptyEventLoop: true,
  functionName,
  functionVersion: '$LATEST',
  invokedFunctionArn: functionArn,
  memoryLimitInMB: '128',
  awsRequestId: requestId,
  logGroupName: `/aws/lambda/${functionName}`,
  logStreamName: `sluice/${requestId}`,
  // No real timers run, so the whole 15-minute budget is always left.
  getRemainingTimeInMillis: () => 900_000,
  done: () => {},
  fail: () => {},
  succeed: () => {},
});
