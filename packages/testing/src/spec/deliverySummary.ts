import type { DeliveryReport } from '@sluice/offline';
import type { ProjectionOutcome } from './runProjections.js';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const some = (n: number, one: string, many: string): string | undefined =>
  n > 0 ? plural(n, one, many) : undefined;

/** What the deliveries did, in one line: enough to see which faults a failing schedule had. */
export const deliverySummary = (outcome: ProjectionOutcome): string => {
  const total = (pick: (report: DeliveryReport) => number) =>
    outcome.deliveries.reduce((sum, report) => sum + pick(report), 0);
  const parts = [
    plural(
      total((r) => r.invocations),
      'invocation',
      'invocations',
    ),
    some(
      total((r) => r.faults.duplicatedBatches),
      'duplicated batch',
      'duplicated batches',
    ),
    some(
      total((r) => r.faults.lostResponses),
      'lost response',
      'lost responses',
    ),
    some(
      total((r) => r.faults.regroupedRetries),
      'regrouped retry',
      'regrouped retries',
    ),
    some(
      total((r) => r.bisections),
      'bisection',
      'bisections',
    ),
    some(outcome.storeFaultsArmed, 'store fault armed', 'store faults armed'),
    some(
      total((r) => r.recordsDiscarded),
      'record DISCARDED',
      'records DISCARDED',
    ),
    some(
      total((r) => r.trimmedReads),
      'trimmed read',
      'trimmed reads',
    ),
  ];
  const records = plural(outcome.deliveries[0]?.recordsRead ?? 0, 'record', 'records');
  const times = outcome.deliveries.length === 1 ? 'once' : `${outcome.deliveries.length} times`;
  return `${records} delivered ${times}: ${parts.filter((p) => p !== undefined).join(', ')}`;
};
