import { METRICS_NAMESPACE } from '@sluice/projections/deploy';
import { getAtt, ref } from './cloudFormation.js';

/** The namespace the function's own metrics (EMF) are written under (one definition, shared with the CDK route). */
export { METRICS_NAMESPACE } from '@sluice/projections/deploy';

const alarm = (description: string, metric: Record<string, unknown>, threshold: number) => ({
  Type: 'AWS::CloudWatch::Alarm',
  Properties: {
    AlarmDescription: description,
    ...metric,
    Period: 60,
    EvaluationPeriods: 1,
    Threshold: threshold,
    ComparisonOperator: 'GreaterThanThreshold',
    TreatMissingData: 'notBreaching',
  },
});

/**
 * The alarms that matter for a stream consumer: the stream backing up (iterator age), the
 * function failing, poison records dead-lettered, batches Lambda gave up on (on-failure queue).
 */
export const streamAlarms = (functionId: string, queueId: string, maxIteratorAgeMs = 60_000) => {
  const fn = [{ Name: 'FunctionName', Value: ref(functionId) }];
  return {
    IteratorAgeAlarm: alarm(
      `The stream is more than ${maxIteratorAgeMs / 1000} s behind: the projections lag.`,
      { Namespace: 'AWS/Lambda', MetricName: 'IteratorAge', Dimensions: fn, Statistic: 'Maximum' },
      maxIteratorAgeMs,
    ),
    FunctionErrorsAlarm: alarm(
      'The projection function failed: batches are being retried.',
      { Namespace: 'AWS/Lambda', MetricName: 'Errors', Dimensions: fn, Statistic: 'Sum' },
      0,
    ),
    DeadLettersWrittenAlarm: alarm(
      'Poison records went to the dead-letter table: fix the cause, then run sluice-recover redrive.',
      {
        Namespace: METRICS_NAMESPACE,
        MetricName: 'DeadLettersWritten',
        Dimensions: [
          { Name: 'Service', Value: ref(functionId) },
          { Name: 'Runner', Value: 'lambda' },
        ],
        Statistic: 'Sum',
      },
      0,
    ),
    OnFailureQueueAlarm: alarm(
      'Lambda gave up on batches: run sluice-recover failed-batches within 24 hours.',
      {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: getAtt(queueId, 'QueueName') }],
        Statistic: 'Maximum',
      },
      0,
    ),
  };
};
