import type { ProjectionCheck } from '../check/projectionCheck.js';
import type { DemoRun } from '../run/demoRun.js';
import { count, counted } from './format.js';
import type { Output } from './progress.js';

/** How the last line of a run whose projections are all exact starts (tests look for it). */
export const CHECK_PASSED = 'Check passed:';

const line = (label: string, text: string) => `  ${label.padEnd(17)}${text}`;

/** Events, speed, cost, poison and the check; returns whether every projection was exact. */
export const printSummary = (
  run: DemoRun,
  checks: readonly ProjectionCheck[],
  out: Output,
): boolean => {
  const { workload: w, delivery: d } = run;
  const orders = run.sources.orders.records.length;
  const tasks = run.sources.todoListTask.records.length;
  const events = orders + tasks;
  const seconds = run.elapsedMs / 1000;
  const poison = new Set(run.deadLetters.map((letter) => letter.eventId)).size;
  const faults = [
    counted(d.retries, 'retry', 'retries'),
    counted(d.bisections, 'bisection'),
    counted(d.duplicatedBatches, 'duplicated batch', 'duplicated batches'),
    counted(d.lostResponses, 'lost response'),
    counted(d.storeCrashes, 'store crash', 'store crashes'),
    counted(d.storeFailures, 'failed write'),
  ];
  const failed = checks.filter((check) => check.differences.length > 0);
  const lines = [
    '',
    `Summary (${run.engine})`,
    line(
      'workload',
      `${count(w.orders)} orders (${count(w.orderLines)} lines, ${count(w.lineChanges)} changes, ` +
        `${count(w.lineDeletes)} deletes); ${count(w.tasks)} tasks (${count(w.taskEdits)} edits, ` +
        `${count(w.taskMoves)} moves, ${count(w.taskDeletes)} deletes, ${count(w.expiringTasks)} with a TTL)`,
    ),
    line(
      'events processed',
      `${count(events)} stream records (orders ${count(orders)}, todoListTask ${count(tasks)})`,
    ),
    line(
      'events/s',
      `${count(events / seconds)} (${seconds.toFixed(1)} s: ${run.engine === 'in memory' ? 'writes, delivery with faults, projections' : 'writes, stream polling, projections'})`,
    ),
    line(
      'delivery',
      `${count(d.recordsDelivered)} records in ${count(d.invocations)} batches` +
        (d.recordsFilteredOut > 0
          ? `, ${count(d.recordsFilteredOut)} filtered out by FilterCriteria`
          : '') +
        (run.engine === 'in memory' ? `; ${faults.join(', ')}` : ''),
    ),
    line('writes per event', `${(run.writes / Math.max(1, events)).toFixed(2)} ${run.writesUnit}`),
    line(
      'poison records',
      `${count(poison)} of ${count(w.poisonItems)} malformed items → dead letters (${count(run.deadLetters.length)} letters, redeliveries included)`,
    ),
    ...run.notes.map((note) => line('note', note)),
    line(
      'check',
      checks.map((c) => `${c.differences.length === 0 ? '✓' : '✗'} ${c.table}`).join('  '),
    ),
    ...failed.flatMap((check) => [
      `  ✗ ${check.table} (${check.basis}): expected ${count(check.expectedRows)} rows, got ${count(check.actualRows)}`,
      ...check.differences.map((text) => `      ${text}`),
    ]),
    '',
    failed.length === 0
      ? `${CHECK_PASSED} every projection equals a clean recomputation from the source tables ` +
        'and streams, and every poison record is a dead letter.'
      : `Check FAILED: ${failed.map((c) => c.table).join(', ')} differ from a clean recomputation.`,
    '',
  ];
  out.write(lines.join('\n'));
  return failed.length === 0;
};
