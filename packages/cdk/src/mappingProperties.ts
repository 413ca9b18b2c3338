import type { MappingSettings } from '@sluice/projections/deploy';
import type { CfnEventSourceMappingProps } from 'aws-cdk-lib/aws-lambda';

/** What the mapping connects: the function, the one stream, the on-failure destination. */
export interface MappingTargets {
  readonly functionName: string;
  readonly streamArn: string;
  readonly onFailureArn: string;
}

/**
 * The handler's recommended settings as an `AWS::Lambda::EventSourceMapping`, one for one. The
 * L1 resource on purpose: the L2 event source grants its own (wildcard `ListStreams`) rights and
 * cannot say "retry until the record expires" as `-1`.
 */
export const mappingProperties = (
  settings: MappingSettings,
  targets: MappingTargets,
): CfnEventSourceMappingProps => ({
  functionName: targets.functionName,
  eventSourceArn: targets.streamArn,
  batchSize: settings.BatchSize,
  maximumBatchingWindowInSeconds: settings.MaximumBatchingWindowInSeconds,
  startingPosition: settings.StartingPosition,
  bisectBatchOnFunctionError: settings.BisectBatchOnFunctionError,
  maximumRetryAttempts: settings.MaximumRetryAttempts,
  maximumRecordAgeInSeconds: settings.MaximumRecordAgeInSeconds,
  parallelizationFactor: settings.ParallelizationFactor,
  functionResponseTypes: [...settings.FunctionResponseTypes],
  ...(settings.FilterCriteria === undefined
    ? {}
    : {
        filterCriteria: {
          filters: settings.FilterCriteria.Filters.map((f) => ({ pattern: f.Pattern })),
        },
      }),
  destinationConfig: { onFailure: { destination: targets.onFailureArn } },
});
