/** A CloudWatch unit Sluice's metrics use. */
export type MetricUnit = 'Count' | 'Milliseconds';

/** One metric value. */
export interface MetricSample {
  readonly name: string;
  readonly unit: MetricUnit;
  readonly value: number;
}

/** Where runners publish metrics: each call is one set of samples sharing these dimensions. */
export interface MetricsSink {
  /** Publishes one set of samples under these dimensions; must not throw. */
  publish(dimensions: Readonly<Record<string, string>>, samples: readonly MetricSample[]): void;
}

/** Fields a structured log line carries: projection, eventID, sequence number, shard, reason... */
export type LogFields = Readonly<Record<string, unknown>>;

/** Where runners write structured logs. */
export interface StructuredLogger {
  /** A step done (a batch applied, a backfill finished). */
  info(message: string, fields?: LogFields): void;
  /** Something a person should look at that did not stop the runner (a dead letter). */
  warn(message: string, fields?: LogFields): void;
  /** A stop: the batch will be retried from the record named in the fields. */
  error(message: string, fields?: LogFields): void;
}

/** What a runner reports through: metrics and logs. */
export interface Telemetry {
  readonly metrics: MetricsSink;
  readonly logger: StructuredLogger;
}

/** Telemetry that reports nothing. */
export const silentTelemetry: Telemetry = {
  metrics: { publish: () => {} },
  logger: { info: () => {}, warn: () => {}, error: () => {} },
};
