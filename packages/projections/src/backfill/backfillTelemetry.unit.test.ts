import { describe, expect, it } from 'vitest';
import { emfMetrics } from '../telemetry/emfMetrics.js';
import { jsonLogger } from '../telemetry/jsonLogger.js';
import { emfViolations } from '../telemetry/testSupport/emfSpecification.js';
import { backfillTelemetry } from './backfillTelemetry.js';

describe('backfillTelemetry', () => {
  it('turns a backfill’s events and summary into valid EMF under its id, and logs its start, retries and end', () => {
    const lines: string[] = [];
    const logs: Record<string, unknown>[] = [];
    const report = backfillTelemetry(
      {
        metrics: emfMetrics({ write: (l) => lines.push(l) }),
        logger: jsonLogger((l) => logs.push(JSON.parse(l))),
      },
      'app',
    );
    report.onEvent({
      _tag: 'ScanStarted',
      backfillId: 'orders:h@1',
      tableName: 'orders',
      totalSegments: 4,
      approximateItemCount: 10,
      finishedSegments: 0,
      alreadyScanned: 0,
    });
    report.onEvent({ _tag: 'PageApplied', segment: 0, items: 25, readUnits: 12.5, scanned: 25 });
    report.onEvent({ _tag: 'RateLimited', segment: 1, waitedMs: 80 });
    report.onEvent({ _tag: 'PageRetried', segment: 2, message: 'throttled', retryInMs: 100 });
    report.finished({
      backfillId: 'orders:h@1',
      tableName: 'orders',
      complete: true,
      totalSegments: 4,
      scanned: 25,
      alreadyScanned: 0,
      pages: 1,
      readUnits: 12.5,
      written: 24,
      unchanged: 1,
      poison: 1,
      elapsedMs: 900,
      followed: true,
    });
    expect(lines.map(emfViolations)).toEqual([[], [], [], []]);
    expect(lines.map((l) => JSON.parse(l))).toMatchObject([
      {
        Service: 'app',
        Runner: 'backfill',
        BackfillId: 'orders:h@1',
        ItemsScanned: 25,
        ReadUnits: 12.5,
      },
      { RateLimitedWaits: 1, RateLimitedTime: 80 },
      { PagesRetried: 1 },
      { WritesApplied: 24, WritesUnchanged: 1, RecordsPoison: 1, BackfillDuration: 900 },
    ]);
    expect(logs.map((l) => [l.level, l.message])).toEqual([
      ['INFO', 'backfill started'],
      ['WARN', 'backfill page retried'],
      ['INFO', 'backfill finished'],
    ]);
  });
});
