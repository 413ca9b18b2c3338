import type { RecoverySummary } from '../failedBatches/recoverFailedBatches.js';
import type { RedriveCounts, RedriveSummary } from '../redrive/redriveOptions.js';

const counts = (c: RedriveCounts, dryRun: boolean) =>
  `${c.read} letter(s): ${c.applied} ${dryRun ? 'would apply' : 'applied'}, ` +
  `${c.stillPoison} still refused, ${c.imagesOmitted} kept as keys only, ` +
  `${c.beyondReplay} past the 25 h replay window` +
  (dryRun ? '' : `, ${c.removed} removed`);

/** What a redrive did: one line per projection with letters, then the total. */
export const redriveSummaryText = (summary: RedriveSummary): string => {
  const lines = Object.entries(summary.projections)
    .filter(([, c]) => c.read > 0)
    .map(([name, c]) => `  ${name}: ${counts(c, summary.dryRun)}\n`);
  return (
    lines.join('') +
    `redrive${summary.dryRun ? ' (dry run, nothing written)' : ''}: ${counts(summary.total, summary.dryRun)}\n`
  );
};

/** What recovering on-failure batches did: one line per batch, then the total. */
export const recoverySummaryText = (summary: RecoverySummary): string => {
  const lines = summary.outcomes.map((o) => {
    const range = `${o.batch.shardId} ${o.batch.startSequenceNumber}..${o.batch.endSequenceNumber}`;
    if (o._tag === 'BatchRecovered')
      return `  recovered ${range}: ${o.records} record(s), ${o.poison} dead-lettered\n`;
    if (o._tag === 'RecoveryFailed') return `  FAILED ${range}: ${o.message}\n`;
    return `  LOST ${range}: ${o.reason}\n`;
  });
  const rebuild =
    summary.needsRebuild.length === 0
      ? ''
      : `; rebuild ${summary.needsRebuild.join(', ')} (sluice-backfill --versions-table)`;
  return (
    lines.join('') +
    `failed batches: ${summary.outcomes.length}, ${summary.recovered} recovered, ${summary.failed} failed${rebuild}\n`
  );
};
