import type { LogFields, MetricsSink, StructuredLogger } from './telemetry.js';

/** The part of Powertools' `Metrics` Sluice uses (no dependency: any object of this shape works). */
export interface PowertoolsMetricsLike {
  /** Adds a dimension to the metrics stored until the next flush. */
  addDimension(name: string, value: string): void;
  /** Stores one metric value with its unit. */
  addMetric(name: string, unit: string, value: number): void;
  /** Writes the stored metrics (as EMF) and clears them. */
  publishStoredMetrics(): void;
}

/** The part of Powertools' `Logger` Sluice uses. */
export interface PowertoolsLoggerLike {
  /** Logs at INFO; extra objects are merged into the log line. */
  info(message: string, ...extra: unknown[]): void;
  /** Logs at WARN. */
  warn(message: string, ...extra: unknown[]): void;
  /** Logs at ERROR. */
  error(message: string, ...extra: unknown[]): void;
}

/**
 * Sluice's metrics through a Powertools `Metrics`: dimensions and metrics are added and flushed
 * per publish, so each set keeps its own dimensions (Powertools writes the EMF).
 */
export const powertoolsMetrics = (metrics: PowertoolsMetricsLike): MetricsSink => ({
  publish: (dimensions, samples) => {
    for (const [name, value] of Object.entries(dimensions)) metrics.addDimension(name, value);
    for (const sample of samples) metrics.addMetric(sample.name, sample.unit, sample.value);
    metrics.publishStoredMetrics();
  },
});

/** Sluice's logs through a Powertools `Logger`: the fields go as the extra object it merges in. */
export const powertoolsLogger = (logger: PowertoolsLoggerLike): StructuredLogger => ({
  info: (message, fields?: LogFields) => logger.info(message, { ...fields }),
  warn: (message, fields?: LogFields) => logger.warn(message, { ...fields }),
  error: (message, fields?: LogFields) => logger.error(message, { ...fields }),
});
