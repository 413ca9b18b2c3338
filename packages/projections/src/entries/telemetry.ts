/**
 * What the runners report: metrics as CloudWatch Embedded Metric Format (or through the user's
 * Powertools `Metrics`) and structured logs naming projection, eventID, sequence number and shard.
 * Needs no AWS SDK client.
 *
 * @module @sluice/projections/telemetry
 */
export { type EmfMetricsOptions, emfMetrics } from '../telemetry/emfMetrics.js';
export { jsonLogger } from '../telemetry/jsonLogger.js';
export {
  type PowertoolsLoggerLike,
  type PowertoolsMetricsLike,
  powertoolsLogger,
  powertoolsMetrics,
} from '../telemetry/powertools.js';
export { type BatchReport, reportBatch } from '../telemetry/reportBatch.js';
export {
  defaultTelemetry,
  type TelemetryOptions,
  telemetry,
} from '../telemetry/runnerTelemetry.js';
export { storeMetrics } from '../telemetry/storeMetrics.js';
export {
  type LogFields,
  type MetricSample,
  type MetricsSink,
  type MetricUnit,
  type StructuredLogger,
  silentTelemetry,
  type Telemetry,
} from '../telemetry/telemetry.js';
