import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { measureColdStart } from './measureColdStart.js';

// Inside the bench package, so the bundles' external `@aws-sdk/*` imports resolve.
const tmp = fileURLToPath(new URL('../../.tmp/', import.meta.url));
mkdirSync(tmp, { recursive: true });
const outDir = mkdtempSync(join(tmp, 'cold-start-test-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('measureColdStart with one import per bundle (so the benchmark cannot rot)', () => {
  it('bundles both ready handlers and imports each in a fresh process', async () => {
    const result = await measureColdStart({ imports: 1, outDir });
    for (const weight of [result.sluice, result.powertools]) {
      expect(weight.bytes).toBeGreaterThan(1000);
      expect(weight.gzipBytes).toBeLessThan(weight.bytes);
      expect(weight.importMs).toBeGreaterThan(0);
      expect(weight.importWithoutSdkMs).toBeGreaterThan(0);
    }
  }, 60_000);
});
