import * as E from 'fp-ts/lib/Either.js';
import type { BackfillTarget } from '../backfill/snapshotTarget.js';
import { loadProjections } from './loadProjections.js';
import type { Output } from './progressDisplay.js';

/** What every sluice command is given to start: the user's module and the exports it names. */
export interface ProjectionModuleOptions {
  readonly module: string;
  readonly exports: readonly string[];
}

/** Exit statuses shared by the commands. */
export const OK = 0;
export const USAGE_ERROR = 2;

/**
 * The common start of `sluice-backfill` and `sluice-recover`: a usage error or `--help` end the
 * command with their exit status (left); otherwise its options and the projections it loaded.
 */
export const startCommand = async <O extends ProjectionModuleOptions>(
  program: string,
  parsed: E.Either<{ readonly message: string }, O | 'help'>,
  usage: string,
  context: { readonly stdout: Output; readonly stderr: Output; readonly cwd: string },
): Promise<E.Either<number, { options: O; targets: readonly BackfillTarget[] }>> => {
  const { stdout, stderr } = context;
  if (E.isLeft(parsed)) {
    stderr.write(`${program}: ${parsed.left.message}\nRun ${program} --help for usage.\n`);
    return E.left(USAGE_ERROR);
  }
  if (parsed.right === 'help') {
    stdout.write(usage);
    return E.left(OK);
  }
  const options = parsed.right;
  const targets = await loadProjections(options.module, options.exports, context.cwd);
  if (E.isLeft(targets)) {
    stderr.write(`${program}: ${targets.left.message}\n`);
    return E.left(USAGE_ERROR);
  }
  return E.right({ options, targets: targets.right });
};
