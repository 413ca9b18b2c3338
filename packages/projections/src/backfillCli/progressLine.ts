/** Where a backfill stands, as a progress display shows it. */
export interface Progress {
  /** Items applied so far, earlier runs included. */
  readonly scanned: number;
  /** DynamoDB's approximate item count (`undefined` or 0: unknown). */
  readonly total: number | undefined;
  /** Items per second in this run. */
  readonly rate: number;
  readonly segmentsDone: number;
  readonly segments: number;
}

/** `12,345`. */
export const formatCount = (n: number): string => Math.round(n).toLocaleString('en-US');

/** `45s`, `3m 05s`, `2h 04m`. */
export const formatDuration = (ms: number): string => {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
};

const knownTotal = (p: Progress): number | undefined =>
  p.total !== undefined && p.total > 0 ? p.total : undefined;

// The item count is approximate (refreshed every few hours): never claim 100 % before the end.
const fraction = (p: Progress, total: number): number =>
  p.segmentsDone === p.segments ? 1 : Math.min(0.99, p.scanned / total);

const eta = (p: Progress, total: number): string =>
  p.segmentsDone === p.segments
    ? 'done'
    : p.rate > 0 && p.scanned < total
      ? `ETA ${formatDuration(((total - p.scanned) / p.rate) * 1000)}`
      : 'ETA —';

/** One line for logs: `12,000 / ~40,000 items (30%), 812 items/s, ETA 34s, 1/4 segments done`. */
export const progressLine = (p: Progress): string => {
  const total = knownTotal(p);
  const count =
    total === undefined
      ? `${formatCount(p.scanned)} items`
      : `${formatCount(p.scanned)} / ~${formatCount(total)} items (${Math.floor(fraction(p, total) * 100)}%)`;
  const parts = [count, `${formatCount(p.rate)} items/s`];
  if (total !== undefined) parts.push(eta(p, total));
  parts.push(`${p.segmentsDone}/${p.segments} segments done`);
  return parts.join(', ');
};

/** A terminal bar of `width` columns: `[██████░░░░] 60% 6,000/~10,000 · 812/s · ETA 5s`. */
export const progressBar = (p: Progress, width: number): string => {
  const total = knownTotal(p);
  const rate = `${formatCount(p.rate)}/s`;
  if (total === undefined) return `${formatCount(p.scanned)} items · ${rate}`.slice(0, width);
  const share = fraction(p, total);
  const text = ` ${String(Math.floor(share * 100)).padStart(3)}% ${formatCount(p.scanned)}/~${formatCount(total)} · ${rate} · ${eta(p, total)}`;
  const barWidth = Math.max(10, Math.min(40, width - text.length - 2));
  const filled = Math.round(share * barWidth);
  return `[${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}]${text}`.slice(0, width);
};
