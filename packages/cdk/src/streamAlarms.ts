import { METRICS_NAMESPACE } from '@sluice/projections/deploy';
import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** The alarms that matter for a stream consumer. */
export interface StreamAlarms {
  /** The stream backs up: the newest record handled is older than the threshold. */
  readonly iteratorAge: Alarm;
  /** The function crashed or timed out: batches are being retried (then bisected). */
  readonly functionErrors: Alarm;
  /** Lambda gave up on a batch: recover it from the stream within 24 hours. */
  readonly onFailureQueue: Alarm;
  /** Poison records were dead-lettered: fix the cause, then redrive. */
  readonly deadLetters: Alarm;
}

const period = Duration.minutes(1);

const above = (scope: Construct, id: string, metric: Metric, threshold: number, why: string) =>
  new Alarm(scope, id, {
    metric,
    threshold,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
    alarmDescription: why,
  });

/**
 * One alarm per way a projection falls behind or loses sight of a record. Dead letters are the
 * handler's own `DeadLettersWritten` metric (EMF, dimensions `Service` = function name and
 * `Runner` = `lambda`); the others are Lambda's and SQS's.
 */
export const streamAlarms = (
  scope: Construct,
  fn: IFunction,
  queue: IQueue,
  maxIteratorAge: Duration,
): StreamAlarms => ({
  iteratorAge: above(
    scope,
    'IteratorAgeAlarm',
    fn.metric('IteratorAge', { statistic: 'Maximum', period }),
    maxIteratorAge.toMilliseconds(),
    `The stream is more than ${maxIteratorAge.toHumanString()} behind: the projections lag.`,
  ),
  functionErrors: above(
    scope,
    'FunctionErrorsAlarm',
    fn.metricErrors({ statistic: 'Sum', period }),
    0,
    'The projection function failed: batches are being retried.',
  ),
  onFailureQueue: above(
    scope,
    'OnFailureQueueAlarm',
    queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period }),
    0,
    'Lambda gave up on batches: recover them (sluice-recover failed-batches) within 24 hours.',
  ),
  deadLetters: above(
    scope,
    'DeadLettersAlarm',
    new Metric({
      namespace: METRICS_NAMESPACE,
      metricName: 'DeadLettersWritten',
      dimensionsMap: { Service: fn.functionName, Runner: 'lambda' },
      statistic: 'Sum',
      period,
    }),
    0,
    'Poison records went to the dead-letter table: fix the cause, then redrive them.',
  ),
});
