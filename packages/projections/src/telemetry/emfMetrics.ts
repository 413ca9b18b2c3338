import type { MetricSample, MetricsSink } from './telemetry.js';

/** How `emfMetrics` writes. */
export interface EmfMetricsOptions {
  /** The CloudWatch namespace (default `POWERTOOLS_METRICS_NAMESPACE`, else `Sluice`). */
  readonly namespace?: string;
  /** Writes one log line (default: stdout, which Lambda sends to CloudWatch Logs). */
  readonly write?: (line: string) => void;
  /** The clock of the `Timestamp` member, epoch milliseconds (default `Date.now`). */
  readonly now?: () => number;
}

/**
 * Metrics as CloudWatch Embedded Metric Format log lines: one JSON object per publish, its
 * `_aws` metadata naming the namespace, the one dimension set and each metric with its unit,
 * and the dimension and metric values as members beside it. CloudWatch Logs extracts them.
 */
export const emfMetrics = (options: EmfMetricsOptions = {}): MetricsSink => {
  const namespace = options.namespace ?? process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Sluice';
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? Date.now;
  return {
    publish: (dimensions, samples) => {
      if (samples.length === 0) return;
      // EMF allows 100 metrics per directive; Sluice publishes far fewer at once.
      const metrics = samples.slice(0, 100);
      const values: Record<string, number> = {};
      for (const sample of metrics) values[sample.name] = sample.value;
      write(
        JSON.stringify({
          _aws: {
            Timestamp: now(),
            CloudWatchMetrics: [
              {
                Namespace: namespace,
                Dimensions: [Object.keys(dimensions)],
                Metrics: metrics.map(({ name, unit }: MetricSample) => ({
                  Name: name,
                  Unit: unit,
                })),
              },
            ],
          },
          ...dimensions,
          ...values,
        }),
      );
    },
  };
};
