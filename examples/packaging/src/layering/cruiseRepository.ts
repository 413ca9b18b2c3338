import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../childProcess/runCommand.js';
import { repoRoot } from '../workspace/publishablePackages.js';
import type { FileImport } from './folderCycles.js';

/** A rule of `.dependency-cruiser.cjs` that an import breaks. */
export interface Violation {
  readonly rule: string;
  readonly from: string;
  readonly to: string;
}

/** What the dependency cruiser found: rule violations and every resolved import. */
export interface Cruise {
  readonly violations: readonly Violation[];
  readonly imports: readonly FileImport[];
}

interface CruiseJson {
  readonly summary: {
    readonly violations: readonly {
      readonly rule: { readonly name: string };
      readonly from: string;
      readonly to: string;
    }[];
  };
  readonly modules: readonly {
    readonly source: string;
    readonly dependencies: readonly { readonly resolved: string }[];
  }[];
}

/** The folders the layering rules cover. */
export const CRUISED = ['packages', 'examples', 'bench'] as const;

/**
 * Runs the dependency cruiser (the repository's pinned one) with the repository's rules over the
 * sources under `root`: the repository itself, or a fixture laid out like it.
 */
export const cruise = async (root: string = repoRoot): Promise<Cruise> => {
  const bin = join(repoRoot, 'node_modules', '.bin', 'depcruise');
  const dirs = CRUISED.filter((dir) => existsSync(join(root, dir)));
  const config = join(repoRoot, '.dependency-cruiser.cjs');
  const result = await runCommand(
    bin,
    [...dirs, '--config', config, '--output-type', 'json', '--no-progress'],
    { cwd: root, timeoutMs: 180_000 },
  );
  if (result.stdout.trim() === '')
    throw new Error(`depcruise printed nothing (exit ${result.code}): ${result.stderr}`);
  const json = JSON.parse(result.stdout) as CruiseJson;
  return {
    violations: json.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to })),
    imports: json.modules.flatMap((m) =>
      m.dependencies.map((d) => ({ from: m.source, to: d.resolved })),
    ),
  };
};
