import { appendFileSync } from 'node:fs';
import { emfMetrics } from '../telemetry/emfMetrics.js';
import { jsonLogger } from '../telemetry/jsonLogger.js';
import type { Telemetry } from '../telemetry/telemetry.js';

/**
 * EMF metrics and JSON logs appended to one file, one line each: what a container's CloudWatch
 * agent tails, while the terminal keeps the progress display.
 */
export const fileTelemetry = (path: string): Telemetry => {
  const write = (line: string) => appendFileSync(path, `${line}\n`);
  return { metrics: emfMetrics({ write }), logger: jsonLogger(write) };
};
