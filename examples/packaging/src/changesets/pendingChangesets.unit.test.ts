import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bumpVersion, pendingChangesets } from './pendingChangesets.js';

const root = mkdtempSync(join(tmpdir(), 'sluice-pending-changesets-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('bumpVersion', () => {
  it('applies the largest bump only, resetting the lower parts', () => {
    expect(bumpVersion('0.1.2', ['patch', 'minor'])).toBe('0.2.0');
    expect(bumpVersion('0.1.2', ['patch'])).toBe('0.1.3');
    expect(bumpVersion('0.1.2', ['minor', 'major', 'patch'])).toBe('1.0.0');
    expect(bumpVersion('0.1.2', [])).toBe('0.1.2');
  });
});

describe('pendingChangesets', () => {
  it('reads the releases and summary of each changeset, ignoring the README', () => {
    mkdirSync(join(root, '.changeset'));
    writeFileSync(join(root, '.changeset', 'README.md'), '# not a changeset\n');
    writeFileSync(
      join(root, '.changeset', 'brave-cats.md'),
      '---\n"@sluice/core": minor\n\'@sluice/testing\': patch\n---\n\nDecode batches.\n',
    );
    expect(pendingChangesets(root)).toEqual([
      {
        file: 'brave-cats.md',
        releases: new Map([
          ['@sluice/core', 'minor'],
          ['@sluice/testing', 'patch'],
        ]),
        summary: 'Decode batches.',
      },
    ]);
  });
});
