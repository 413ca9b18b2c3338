import type { MetricSample, Telemetry } from '../telemetry/telemetry.js';
import type { BackfillEvent, BackfillSummary } from './backfillEvents.js';

const count = (name: string, value: number): MetricSample => ({ name, unit: 'Count', value });
const ms = (name: string, value: number): MetricSample => ({ name, unit: 'Milliseconds', value });

/**
 * Backfill and rebuild telemetry without touching them: `onEvent` (pass it as the backfill's or
 * rebuild's `onEvent`) publishes items scanned, read units, throttled waits and retried pages
 * per page, and `finished` publishes the summary's written, unchanged and poison counts and
 * duration. Dimensions: `Service`, `Runner` (`backfill`), and the backfill id.
 */
export const backfillTelemetry = (
  telemetry: Telemetry,
  service = process.env.POWERTOOLS_SERVICE_NAME ?? 'sluice',
) => {
  let backfillId = 'backfill';
  const dimensions = () => ({ Service: service, Runner: 'backfill', BackfillId: backfillId });
  const publish = (samples: MetricSample[]) => {
    try {
      telemetry.metrics.publish(dimensions(), samples);
    } catch {
      // Reporting must never stop a backfill.
    }
  };
  return {
    /** Pass as the backfill's or rebuild's `onEvent`: page metrics and progress logs. */
    onEvent: (event: BackfillEvent): void => {
      if (event._tag === 'ScanStarted') {
        backfillId = event.backfillId;
        telemetry.logger.info('backfill started', {
          backfillId,
          tableName: event.tableName,
          segments: event.totalSegments,
        });
      } else if (event._tag === 'PageApplied')
        publish([count('ItemsScanned', event.items), count('ReadUnits', event.readUnits)]);
      else if (event._tag === 'RateLimited')
        publish([count('RateLimitedWaits', 1), ms('RateLimitedTime', event.waitedMs)]);
      else if (event._tag === 'PageRetried') {
        publish([count('PagesRetried', 1)]);
        telemetry.logger.warn('backfill page retried', {
          backfillId,
          segment: event.segment,
          detail: event.message,
        });
      }
    },
    /** Call with the backfill's result: written, unchanged and poison counts, duration. */
    finished: (summary: BackfillSummary): void => {
      backfillId = summary.backfillId;
      publish([
        count('WritesApplied', summary.written),
        count('WritesUnchanged', summary.unchanged),
        count('RecordsPoison', summary.poison),
        ms('BackfillDuration', summary.elapsedMs),
      ]);
      telemetry.logger.info('backfill finished', { ...summary });
    },
  };
};
