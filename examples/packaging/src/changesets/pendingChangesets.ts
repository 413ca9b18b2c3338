import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A semver bump, as a changeset names it. */
export type Bump = 'major' | 'minor' | 'patch';

/** One `.changeset/*.md` file: which packages it bumps, how, and the changelog text. */
export interface Changeset {
  readonly file: string;
  readonly releases: ReadonlyMap<string, Bump>;
  readonly summary: string;
}

const RELEASE = /^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/;

/** Reads the pending changesets of a repository (every `.changeset/*.md` except its README). */
export const pendingChangesets = (root: string): Changeset[] =>
  readdirSync(join(root, '.changeset'))
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .sort()
    .map((file) => {
      const text = readFileSync(join(root, '.changeset', file), 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (match === null) throw new Error(`.changeset/${file} has no front matter`);
      const releases = new Map<string, Bump>();
      for (const line of (match[1] ?? '').split('\n').filter((l) => l.trim() !== '')) {
        const release = RELEASE.exec(line);
        if (release === null) throw new Error(`.changeset/${file}: cannot read "${line}"`);
        releases.set(release[1] ?? '', release[2] as Bump);
      }
      return { file, releases, summary: (match[2] ?? '').trim() };
    });

const ORDER: readonly Bump[] = ['patch', 'minor', 'major'];

/** The version after the largest of `bumps` (unchanged when there is none). */
export const bumpVersion = (version: string, bumps: readonly Bump[]): string => {
  const [major = 0, minor = 0, patch = 0] = version.split(/[.-]/).map(Number);
  const largest = bumps.reduce<Bump | undefined>(
    (a, b) => (a === undefined || ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a),
    undefined,
  );
  if (largest === 'major') return `${major + 1}.0.0`;
  if (largest === 'minor') return `${major}.${minor + 1}.0`;
  if (largest === 'patch') return `${major}.${minor}.${patch + 1}`;
  return version;
};
