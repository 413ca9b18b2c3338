import { stronglyConnected } from './stronglyConnected.js';

/** One import, file to file, as the dependency cruiser resolved it. */
export interface FileImport {
  readonly from: string;
  readonly to: string;
}

const TEST = /(\.test\.ts$|\/testSupport\/)/;

/**
 * The folder a file belongs to, for the rule "no cycles between folders": the top-level folder
 * under a package's `src` (`packages/testing/src/stream`), `src` itself for files there, and the
 * package's entry points (`index.ts`, `main.ts`) apart, above everything.
 * Files outside the workspace's sources (node_modules, dist) belong to none.
 */
export const folderOf = (file: string): string | undefined => {
  const match = /^((?:packages|examples)\/[^/]+\/src|bench\/src)(\/[^/]+)?/.exec(file);
  if (match === null) return undefined;
  const [, src, sub] = match;
  if (sub === undefined) return undefined;
  // A package's entry points (index.ts, main.ts) sit above every folder: they may import them all.
  if (/^\/(index|main)\.[cm]?[jt]s$/.test(sub)) return `${src} (entry)`;
  return /\.[cm]?[jt]s$/.test(sub) ? src : `${src}${sub}`;
};

/**
 * Folders that import each other, directly or around a loop: each strongly connected group of
 * two or more folders, sorted. Tests and test support are left out: they may reach anywhere.
 */
export const folderCycles = (imports: readonly FileImport[]): string[][] => {
  const edges = new Map<string, Set<string>>();
  for (const { from, to } of imports) {
    if (TEST.test(from) || TEST.test(to)) continue;
    const a = folderOf(from);
    const b = folderOf(to);
    if (a === undefined || b === undefined || a === b) continue;
    if (!edges.has(a)) edges.set(a, new Set());
    edges.get(a)?.add(b);
  }
  return stronglyConnected(edges)
    .filter((group) => group.length > 1)
    .map((group) => group.sort())
    .sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
};
