/**
 * The CloudWatch namespace of the metrics the Lambda handler writes (EMF), given to the function
 * as `POWERTOOLS_METRICS_NAMESPACE` and watched by the dead-letter alarm.
 */
export const METRICS_NAMESPACE = 'Sluice';
