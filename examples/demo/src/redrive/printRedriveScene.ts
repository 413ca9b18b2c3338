import type { Output } from '../report/progress.js';
import type { RedriveScene } from './poisonAndRedrive.js';

/** The scene as a few report lines; the last one is the verdict. */
export const printRedriveScene = (scene: RedriveScene, out: Output): void => {
  const letters = Object.entries(scene.letters)
    .map(([projection, n]) => `${projection} ${n}`)
    .join(', ');
  const total = Object.values(scene.letters).reduce((a, b) => a + b, 0);
  const r = scene.redrive?.total;
  out.write(
    '\nDead letters and redrive\n' +
      `  poison records     ${scene.poisoned} of ${scene.lines} order lines written with the quantity as text\n` +
      `  dead-letter table  ${total} letters (${letters}), one per projection and eventID\n` +
      (r === undefined
        ? '  redrive            FAILED\n'
        : `  codec fix+redrive  ${r.read} letters read, ${r.applied} applied, ${r.stillPoison} still refused, ${r.removed} removed; ${scene.lettersLeft} left\n`) +
      `  order tables       ${scene.equalsCleanPass ? 'equal' : 'DIFFER from'} a clean pass with the fixed codec ${scene.equalsCleanPass ? '✓' : '✗'}\n`,
  );
};
