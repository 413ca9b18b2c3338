import type { Output } from '../report/progress.js';
import type { SeedUseCasesScene } from './seedUseCasesScene.js';

const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** Whether the scene's three checks hold. */
export const seedUseCasesExact = (scene: SeedUseCasesScene): boolean =>
  scene.replicaEqualsSource &&
  scene.lookupEqualsRecomputation &&
  scene.emailsSent === scene.emailsExpected &&
  scene.sends === scene.emailsExpected;

/** The scene as a few report lines. */
export const printSeedUseCases = (scene: SeedUseCasesScene, out: Output): void => {
  const emailsOk =
    scene.emailsSent === scene.emailsExpected && scene.sends === scene.emailsExpected;
  out.write(
    '\nReplica, lookup and notifications (faulty deliveries)\n' +
      `  todo replica       ${scene.replicaRows} rows for ${scene.tasks} tasks: ${scene.replicaEqualsSource ? 'equal to' : 'DIFFERENT from'} the source table ${mark(scene.replicaEqualsSource)}\n` +
      `  users by e-mail    ${scene.lookupRows} claims for ${scene.users} users (${scene.contested} addresses contested): ` +
      `${scene.lookupEqualsRecomputation ? 'equal to' : 'DIFFERENT from'} a recomputation ${mark(scene.lookupEqualsRecomputation)}\n` +
      `  shipping e-mails   ${scene.sends} sent for ${scene.emailsExpected} lines shipped (${scene.emailsSent} distinct) ${mark(emailsOk)}\n`,
  );
};
