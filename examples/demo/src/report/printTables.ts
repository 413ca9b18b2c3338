import type { OrderLine } from '@sluice/example-orders';
import { type Row, withoutRowMarkers } from '@sluice/projections';
import type { DemoRun } from '../run/demoRun.js';
import { clip, columns, count, money } from './format.js';
import type { Output } from './progress.js';

const SHOWN = 5;
const HISTORY_SHOWN = 10;

const amountOf = (row: Row) => Number(row.amount ?? 0);

// A row also holds each line's marker (`sluice#…`); an order none of whose lines counted has no amounts.
const orderTotals = (rows: readonly Row[]): string => {
  const largest = rows
    .map(withoutRowMarkers)
    .sort((a, b) => amountOf(b) - amountOf(a))
    .slice(0, SHOWN);
  return [
    `orderTotals: one row per order (${count(rows.length)} rows; the ${largest.length} largest)`,
    columns(
      ['orderId', 'lines', 'quantity', 'amount'],
      largest.map((r) => [
        String(r.orderId),
        String(r.lines ?? 0),
        String(r.quantity ?? 0),
        money(amountOf(r)),
      ]),
    ),
  ].join('\n');
};

const describeChange = (row: Row): string => {
  const before = row.oldImage as OrderLine | undefined;
  const after = row.newImage as OrderLine | undefined;
  if (after === undefined) return 'line removed';
  if (before === undefined)
    return `quantity ${after.quantity} at ${money(after.unitPrice)}, ${after.status}`;
  const changed = (row.changedAttributes as readonly (keyof OrderLine)[] | undefined) ?? [];
  return changed
    .map((name) => `${name} ${String(before[name])} → ${String(after[name])}`)
    .join(', ');
};

const busiestOrder = (history: readonly Row[]): string | undefined => {
  const changes = new Map<string, number>();
  for (const row of history)
    changes.set(String(row.orderId), (changes.get(String(row.orderId)) ?? 0) + 1);
  return [...changes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
};

const orderHistory = async (run: DemoRun, rows: readonly Row[]): Promise<string> => {
  const orderId = busiestOrder(rows);
  if (orderId === undefined) return 'orderHistory: empty';
  const changes = await run.historyOf(orderId);
  const shown = changes.slice(0, HISTORY_SHOWN);
  const how = run.engine === 'in memory' ? 'one Query on DynamoDB' : 'one Query';
  return [
    `orderHistory: ${count(rows.length)} changes; the Order History API (${how}) for ${orderId}, ${changes.length} changes:`,
    columns(
      ['#', 'time', 'event', 'line', 'what changed'],
      shown.map((row, i) => [
        String(i + 1),
        String(row.at).slice(11, 19),
        String(row.eventName),
        String(((row.newImage ?? row.oldImage) as OrderLine).lineId),
        clip(describeChange(row), 50),
      ]),
    ),
    ...(changes.length > shown.length ? [`  … ${changes.length - shown.length} more`] : []),
  ].join('\n');
};

const taskCounts = (rows: readonly Row[]): string => {
  const fullest = [...rows].sort((a, b) => Number(b.count) - Number(a.count)).slice(0, SHOWN);
  return [
    `todoTaskCount: tasks per list (${count(rows.length)} lists; the ${fullest.length} fullest)`,
    columns(
      ['ListId', 'count'],
      fullest.map((r) => [String(r.ListId), String(r.count)]),
    ),
  ].join('\n');
};

const archived = (rows: readonly Row[]): string => {
  if (rows.length === 0) return 'todoListTaskArchived: tasks deleted by TTL (no rows)';
  const latest = [...rows].sort((a, b) => String(b.removedAt).localeCompare(String(a.removedAt)));
  const shown = latest.slice(0, 3);
  return [
    `todoListTaskArchived: tasks deleted by TTL (${count(rows.length)} rows; the ${shown.length} latest)`,
    columns(
      ['ListId', 'TaskId', 'description', 'removed at'],
      shown.map((r) => {
        const item = r.item as { description?: unknown };
        return [
          String(r.ListId),
          String(r.TaskId),
          clip(String(item.description), 24),
          String(r.removedAt).slice(0, 19),
        ];
      }),
    ),
  ].join('\n');
};

const deadLetters = (run: DemoRun): string => {
  const byRecord = new Map<string | undefined, { projections: string[]; message: string }>();
  for (const letter of run.deadLetters) {
    const seen = byRecord.get(letter.eventId) ?? {
      projections: [],
      message: letter.reason.message,
    };
    if (letter.projection !== undefined && !seen.projections.includes(letter.projection))
      seen.projections.push(letter.projection);
    byRecord.set(letter.eventId, seen);
  }
  // One record per kind of refusal first, so the sample shows each projection's codec at work.
  const all = [...byRecord.values()];
  const firstOfKind = all.filter(
    (letter, i) => all.findIndex((l) => l.projections.join() === letter.projections.join()) === i,
  );
  const shown = [...firstOfKind, ...all.filter((l) => !firstOfKind.includes(l))].slice(0, 3);
  return [
    `dead letters: ${count(byRecord.size)} poison records, skipped by the projections and kept with the reason`,
    ...shown.map(({ projections, message }) => `  [${projections.join(', ')}] ${message}`),
  ].join('\n');
};

/** The projection tables, a sample of each, and the Order History API at work. */
export const printTables = async (run: DemoRun, out: Output): Promise<void> => {
  const table = (name: string) => run.tables[name] ?? [];
  const sections = [
    orderTotals(table('orderTotals')),
    await orderHistory(run, table('orderHistory')),
    taskCounts(table('todoTaskCount')),
    archived(table('todoListTaskArchived')),
    deadLetters(run),
  ];
  out.write(`\n${sections.join('\n\n')}\n`);
};
