import { emfMetrics } from './emfMetrics.js';
import { jsonLogger } from './jsonLogger.js';
import {
  type PowertoolsLoggerLike,
  type PowertoolsMetricsLike,
  powertoolsLogger,
  powertoolsMetrics,
} from './powertools.js';
import { silentTelemetry, type Telemetry } from './telemetry.js';

/** Powertools objects to report through, when the application already has them. */
export interface TelemetryOptions {
  readonly metrics?: PowertoolsMetricsLike;
  readonly logger?: PowertoolsLoggerLike;
  /** CloudWatch namespace of the EMF lines Sluice writes itself (without a Powertools `Metrics`). */
  readonly namespace?: string;
}

/** Reports through the given Powertools `Metrics`/`Logger`, else EMF lines and JSON logs on stdout. */
export const telemetry = (options: TelemetryOptions = {}): Telemetry => ({
  metrics: options.metrics
    ? powertoolsMetrics(options.metrics)
    : emfMetrics(options.namespace === undefined ? {} : { namespace: options.namespace }),
  logger: options.logger ? powertoolsLogger(options.logger) : jsonLogger(),
});

/**
 * What a runner reports through when it is given nothing: EMF and JSON logs inside Lambda (where
 * stdout is CloudWatch Logs), silence elsewhere (tests, local runs).
 */
export const defaultTelemetry = (
  env: Readonly<Record<string, string | undefined>> = process.env,
): Telemetry => (env.AWS_LAMBDA_FUNCTION_NAME ? telemetry() : silentTelemetry);
