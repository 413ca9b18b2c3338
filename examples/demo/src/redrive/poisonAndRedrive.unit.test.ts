import { describe, expect, it } from 'vitest';
import { poisonAndRedrive } from './poisonAndRedrive.js';
import { printRedriveScene } from './printRedriveScene.js';

describe('the dead-letter and redrive scene', () => {
  it('dead-letters the lines the codec refuses, then redrives them after the fix into tables equal to a clean pass', async () => {
    const scene = await poisonAndRedrive(42, 40);
    expect(scene.poisoned).toBe(8);
    expect(scene.letters).toEqual({ orderHistory: 8, orderTotals: 8 });
    expect(scene.redrive?.total).toMatchObject({
      read: 16,
      applied: 16,
      stillPoison: 0,
      removed: 16,
    });
    expect(scene.lettersLeft).toBe(0);
    expect(scene.equalsCleanPass).toBe(true);
    let text = '';
    printRedriveScene(scene, { write: (s: string) => (text += s) });
    expect(text).toContain(
      '16 letters (orderHistory 8, orderTotals 8), one per projection and eventID',
    );
    expect(text).toContain('16 letters read, 16 applied, 0 still refused, 16 removed; 0 left');
    expect(text).toMatch(/equal a clean pass with the fixed codec ✓/);
  });
});
