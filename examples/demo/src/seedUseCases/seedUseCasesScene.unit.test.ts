import { describe, expect, it } from 'vitest';
import { printSeedUseCases, seedUseCasesExact } from './printSeedUseCases.js';
import { seedUseCasesScene } from './seedUseCasesScene.js';

describe('the replica, lookup and notification scene', () => {
  it('ends with the replica equal to the source, the lookup equal to a recomputation and one e-mail per shipping', async () => {
    for (const seed of [1, 42, 7]) {
      const scene = await seedUseCasesScene(seed);
      expect(scene.replicaEqualsSource).toBe(true);
      expect(scene.lookupEqualsRecomputation).toBe(true);
      expect(scene.emailsExpected).toBeGreaterThan(0);
      expect(scene.emailsSent).toBe(scene.emailsExpected);
      expect(scene.sends).toBe(scene.emailsExpected);
      expect(seedUseCasesExact(scene)).toBe(true);
      let text = '';
      printSeedUseCases(scene, { write: (s: string) => (text += s) });
      expect(text).toContain(`${scene.sends} sent for ${scene.emailsExpected} lines shipped`);
      expect(text).not.toContain('✗');
    }
  });
});
