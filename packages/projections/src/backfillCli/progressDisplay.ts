import type { BackfillEvent } from '../backfill/backfillEvents.js';
import { type Progress, progressBar, progressLine } from './progressLine.js';

/** Where a display writes: a stream, with `columns` and `isTTY` when it is a terminal. */
export interface Output {
  write(text: string): unknown;
  readonly columns?: number;
  readonly isTTY?: boolean;
}

const REDRAW_MS = 100;

/**
 * Shows a backfill's progress: a bar redrawn in place on a terminal, or a line every
 * `intervalMs` otherwise (logs, CI), from the backfill's events.
 */
export class ProgressDisplay {
  private progress: Progress = {
    scanned: 0,
    total: undefined,
    rate: 0,
    segmentsDone: 0,
    segments: 0,
  };
  private startedAt = 0;
  private scannedAtStart = 0;
  private lastDrawn = Number.NEGATIVE_INFINITY;
  private barShown = false;

  constructor(
    private readonly out: Output,
    private readonly mode: 'bar' | 'lines' | 'none',
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Feeds one event; pass it as the backfill's `onEvent`. */
  onEvent(event: BackfillEvent): void {
    const p = this.progress;
    switch (event._tag) {
      case 'ScanStarted':
        this.startedAt = this.now();
        this.scannedAtStart = event.alreadyScanned;
        this.progress = {
          scanned: event.alreadyScanned,
          total: event.approximateItemCount,
          rate: 0,
          segmentsDone: event.finishedSegments,
          segments: event.totalSegments,
        };
        this.say(
          `scanning ${event.tableName} in ${event.totalSegments} segments` +
            (event.approximateItemCount ? `, about ${event.approximateItemCount} items` : '') +
            (event.alreadyScanned > 0 || event.finishedSegments > 0
              ? ` (resuming ${event.backfillId}: ${event.alreadyScanned} items and ${event.finishedSegments} segments done before)`
              : ''),
        );
        return;
      case 'PageApplied': {
        const seconds = Math.max(0.001, (this.now() - this.startedAt) / 1000);
        this.progress = {
          ...p,
          scanned: event.scanned,
          rate: (event.scanned - this.scannedAtStart) / seconds,
        };
        this.draw(false);
        return;
      }
      case 'SegmentFinished':
        this.progress = { ...p, segmentsDone: p.segmentsDone + 1 };
        this.draw(false);
        return;
      case 'ScanFinished':
        this.draw(true);
        this.endBar();
        return;
      case 'CatchingUp':
        this.say('scan done; waiting for the stream poller to catch up');
        return;
      case 'PageRetried':
        this.say(
          `segment ${event.segment}: retrying a page in ${event.retryInMs} ms: ${event.message}`,
        );
        return;
      default:
        return;
    }
  }

  /** Leaves the terminal line clean (after a failure or an interruption too). */
  endBar(): void {
    if (this.barShown) this.out.write('\n');
    this.barShown = false;
  }

  private say(line: string): void {
    if (this.mode === 'none') return;
    this.endBar();
    this.out.write(`${line}\n`);
  }

  private draw(force: boolean): void {
    const now = this.now();
    if (this.mode === 'none') return;
    if (this.mode === 'bar') {
      if (!force && now - this.lastDrawn < REDRAW_MS) return;
      // Some terminals (and pseudo-terminals) report 0 columns.
      const columns =
        this.out.columns !== undefined && this.out.columns > 0 ? this.out.columns : 80;
      this.out.write(`\r${progressBar(this.progress, columns - 1)}\u001b[K`);
      this.barShown = true;
    } else {
      if (!force && now - this.lastDrawn < this.intervalMs) return;
      this.out.write(`${progressLine(this.progress)}\n`);
    }
    this.lastDrawn = now;
  }
}
