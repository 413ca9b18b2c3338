import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, runCommand } from '../childProcess/runCommand.js';
import {
  type Manifest,
  publishablePackages,
  repoRoot,
  workspacePackages,
} from '../workspace/publishablePackages.js';
import { bumpVersion, pendingChangesets } from './pendingChangesets.js';

const publishable = publishablePackages();
const names = publishable.map(({ manifest }) => manifest.name).sort();
const changesets = pendingChangesets(repoRoot);
const config = JSON.parse(readFileSync(join(repoRoot, '.changeset', 'config.json'), 'utf8'));
const copy = mkdtempSync(join(tmpdir(), 'sluice-changesets-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** Copies what `changeset version` reads and writes (manifests, changelogs, .changeset) to `copy`. */
const copyWorkspaceManifests = () => {
  for (const file of ['package.json', 'pnpm-workspace.yaml']) {
    cpSync(join(repoRoot, file), join(copy, file));
  }
  cpSync(join(repoRoot, '.changeset'), join(copy, '.changeset'), { recursive: true });
  for (const { dir } of workspacePackages()) {
    mkdirSync(join(copy, dir), { recursive: true });
    for (const file of ['package.json', 'CHANGELOG.md']) {
      if (existsSync(join(repoRoot, dir, file)))
        cpSync(join(repoRoot, dir, file), join(copy, dir, file));
    }
  }
  // The changelog generator named in the config is resolved from the copy's node_modules.
  symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');
};

const readCopy = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(copy, dir, 'package.json'), 'utf8')) as Manifest;

describe('changesets', () => {
  it('versions the publishable packages as one fixed group, published publicly from main', () => {
    expect(config.fixed).toEqual([names]);
    expect(config.access).toBe('public');
    expect(config.baseBranch).toBe('main');
    expect(config.privatePackages).toEqual({ version: false, tag: false });
  });

  it('has pending changesets that each name only publishable packages and say something', () => {
    for (const changeset of changesets) {
      expect([...changeset.releases.keys()], changeset.file).not.toEqual([]);
      for (const name of changeset.releases.keys()) expect(names, changeset.file).toContain(name);
      expect(changeset.summary.length, `${changeset.file} has no summary`).toBeGreaterThan(10);
    }
  });

  describe('`changeset version`, run on a copy of the workspace', () => {
    let log = '';
    beforeAll(async () => {
      copyWorkspaceManifests();
      const bin = join(repoRoot, 'node_modules', '@changesets', 'cli', 'bin.js');
      const result = await runCommand(process.execPath, [bin, 'version'], { cwd: copy });
      log = describeRun('changeset', ['version'], result);
      if (result.code !== 0) throw new Error(log);
    });

    it('gives every publishable package the same new version: the largest pending bump', () => {
      const current = publishable[0]?.manifest.version ?? '';
      const expected = bumpVersion(
        current,
        changesets.flatMap((changeset) => [...changeset.releases.values()]),
      );
      for (const { dir } of publishable) expect(readCopy(dir).version, log).toBe(expected);
    });

    it('writes each changeset summary under the new version in the changelogs it names', () => {
      for (const { dir, manifest } of publishable) {
        const version = readCopy(dir).version;
        const path = join(copy, dir, 'CHANGELOG.md');
        if (changesets.length === 0) continue; // nothing to release: no changelog entry is due
        const changelog = readFileSync(path, 'utf8');
        expect(changelog.startsWith(`# ${manifest.name}\n\n## ${version}\n`), changelog).toBe(true);
        const newest = changelog.split(/\n## /)[1] ?? '';
        for (const { releases, summary } of changesets) {
          if (releases.has(manifest.name)) expect(newest).toContain(summary.split('\n')[0]);
        }
      }
    });

    it('consumes the changesets, keeps workspace ranges and leaves private packages alone', () => {
      expect(pendingChangesets(copy)).toEqual([]);
      for (const { dir, manifest } of workspacePackages()) {
        const after = readCopy(dir);
        if (manifest.private === true) expect(after.version).toBe(manifest.version);
        const internal = Object.entries({ ...(after.dependencies as object) }).filter(([name]) =>
          name.startsWith('@sluice/'),
        );
        for (const [name, range] of internal)
          expect(range, `${dir} → ${name}`).toMatch(/^workspace:/);
      }
    });
  });
});
