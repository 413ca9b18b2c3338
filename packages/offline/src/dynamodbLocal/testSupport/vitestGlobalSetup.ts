import type { TestProject } from 'vitest/node';
import { startDynamoDBLocal } from '../startDynamoDBLocal.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Endpoint of the run's DynamoDB Local (`inject('dynamodbLocalEndpoint')` in int tests). */
    dynamodbLocalEndpoint: string;
  }
}

const USES_DYNAMODB_LOCAL = /\.(int|e2e)\.test\.[cm]?[jt]sx?$/;

/**
 * False only when the run was filtered to files none of which is an int/e2e test (e.g.
 * `vitest run unit`), so the fast loop does not pay for a JVM. `filenamePattern` is Vitest's
 * internal field for the CLI filters; when it is unreadable we start, which is always safe.
 */
const runNeedsDynamoDBLocal = async (project: TestProject): Promise<boolean> => {
  if (project.config.watch) return true;
  const filters = (project.vitest as unknown as { filenamePattern?: unknown }).filenamePattern;
  if (!Array.isArray(filters) || filters.length === 0) return true;
  const { testFiles } = await project.globTestFiles(filters.map(String));
  return testFiles.some((file) => USES_DYNAMODB_LOCAL.test(file));
};

/**
 * Vitest global setup: one DynamoDB Local for the whole run, its endpoint provided as
 * `dynamodbLocalEndpoint`, stopped at teardown. `SLUICE_DYNAMODB_LOCAL_ENDPOINT` reuses an
 * instance that is already running instead.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const running = process.env.SLUICE_DYNAMODB_LOCAL_ENDPOINT;
  if (running !== undefined && running !== '') {
    project.provide('dynamodbLocalEndpoint', running);
    return;
  }
  if (!(await runNeedsDynamoDBLocal(project))) return;
  const dynamodbLocal = await startDynamoDBLocal();
  project.provide('dynamodbLocalEndpoint', dynamodbLocal.endpoint);
  return () => dynamodbLocal.stop();
}
