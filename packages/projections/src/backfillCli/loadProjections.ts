import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import type { BackfillTarget } from '../backfill/snapshotTarget.js';
import type { Projection } from '../projection/projection.js';

/** The module or one of its exports is not what the command line says. */
export interface ProjectionNotFound {
  readonly _tag: 'ProjectionNotFound';
  readonly message: string;
}

const notFound = (message: string): ProjectionNotFound => ({ _tag: 'ProjectionNotFound', message });

const isProjection = (value: unknown): value is Projection => {
  const p = value as Partial<Projection> | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.name === 'string' &&
    typeof p.version === 'number' &&
    typeof p.plan === 'function' &&
    typeof (p.item as { decode?: unknown } | undefined)?.decode === 'function'
  );
};

const targetOf = (value: unknown): BackfillTarget | undefined => {
  if (isProjection(value)) return { projection: value };
  const target = value as Partial<BackfillTarget> | null;
  if (typeof target !== 'object' || target === null || !isProjection(target.projection))
    return undefined;
  if (target.snapshot !== undefined && typeof target.snapshot !== 'function') return undefined;
  return target as BackfillTarget;
};

/**
 * Imports the user's module (relative to `cwd`) and picks the named exports: each must be a
 * projection (as `defineProjection` and the built-ins make) or `{ projection, snapshot }`.
 */
export const loadProjections = async (
  modulePath: string,
  names: readonly string[],
  cwd: string,
): Promise<E.Either<ProjectionNotFound, BackfillTarget[]>> => {
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(pathToFileURL(resolve(cwd, modulePath)).href)) as Record<
      string,
      unknown
    >;
  } catch (error) {
    return E.left(notFound(`cannot load module ${modulePath}: ${(error as Error).message}`));
  }
  const targets: BackfillTarget[] = [];
  for (const name of names) {
    if (!(name in loaded)) {
      const available = Object.keys(loaded).filter((key) => targetOf(loaded[key]) !== undefined);
      return E.left(
        notFound(
          `module ${modulePath} has no export ${JSON.stringify(name)}` +
            (available.length > 0 ? ` (projections it exports: ${available.join(', ')})` : ''),
        ),
      );
    }
    const target = targetOf(loaded[name]);
    if (target === undefined)
      return E.left(
        notFound(
          `export ${JSON.stringify(name)} of ${modulePath} is not a projection (make it with ` +
            'defineProjection or a built-in) nor { projection, snapshot }',
        ),
      );
    targets.push(target);
  }
  return E.right(targets);
};
