import type { Manifest } from '../workspace/publishablePackages.js';

const fields = ['peerDependencies', 'devDependencies', 'dependencies'] as const;

/**
 * The range the workspace itself uses for a third-party package (the packages' peer, dev and
 * runtime ranges, then the root's dev tools): what a fresh install resolves today, pinned.
 */
export const versionRangeOf = (
  name: string,
  manifests: readonly Manifest[],
  root: Manifest,
): string | undefined => {
  for (const manifest of [...manifests, root]) {
    for (const field of fields) {
      const range = (manifest[field] as Record<string, string> | undefined)?.[name];
      if (range !== undefined && !range.startsWith('workspace:')) return range;
    }
  }
  return undefined;
};
