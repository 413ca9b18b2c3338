import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleHandler } from './bundleHandler.js';

const tmp = fileURLToPath(new URL('../../.tmp/', import.meta.url));
mkdirSync(tmp, { recursive: true });
const outDir = mkdtempSync(join(tmp, 'bundle-test-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('bundleHandler', () => {
  it('bundles io-ts and fp-ts as tree-shaken ES modules, not their CommonJS lib/ (about 48 KB)', async () => {
    const bundle = await bundleHandler(
      new URL('./entries/codecEntry.ts', import.meta.url),
      join(outDir, 'codec.mjs'),
    );
    expect(bundle.dependencyBytes).toBeGreaterThan(1000);
    expect(bundle.dependencyBytes).toBeLessThan(24 * 1024);
    expect(bundle.bytes).toBeGreaterThan(bundle.dependencyBytes);
  });
});
