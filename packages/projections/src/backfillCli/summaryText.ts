import type { BackfillResult } from '../backfill/backfill.js';
import { formatCount, formatDuration } from './progressLine.js';

/** The end-of-run summary, a few lines a person reads once. */
export const summaryText = (result: BackfillResult): string => {
  const seconds = result.elapsedMs / 1000;
  const rate = seconds > 0 ? result.scanned / seconds : 0;
  const lines = [
    `backfill ${result.backfillId} ${result.complete ? 'complete' : 'stopped (run again to resume)'}: ` +
      `${formatCount(result.scanned)} items in ${formatDuration(result.elapsedMs)} ` +
      `(${formatCount(rate)} items/s), ${formatCount(result.pages)} pages, ` +
      `${result.readUnits.toFixed(1)} read units`,
    `  writes: ${formatCount(result.written)} applied, ${formatCount(result.unchanged)} unchanged ` +
      `(a change from the stream had already won); ${formatCount(result.poison)} items dead-lettered`,
  ];
  if (result.alreadyScanned > 0)
    lines.push(
      `  resumed: ${formatCount(result.alreadyScanned)} items were applied by an earlier run`,
    );
  if (result.caughtUp)
    lines.push(
      '  live stream: caught up: the projections hold every change made since the backfill began',
    );
  if (result.gap)
    lines.push(
      '  live stream: NOT provably caught up: its consumer started after an earlier run of this ' +
        'backfill (a new lease table, or a run without --follow), so changes made in between may ' +
        'be missing; start over with another --backfill-id (the same lease table each run)',
    );
  return `${lines.join('\n')}\n`;
};
