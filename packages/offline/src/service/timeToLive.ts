import type { DescribeTimeToLiveInput, UpdateTimeToLiveInput } from '@aws-sdk/client-dynamodb';
import { validationException } from '../table/dynamoDbErrors.js';
import type { ServiceState } from './serviceState.js';

/** UpdateTimeToLive: enables TTL on an attribute (see `InMemoryTable.sweepTtl`) or disables it. */
export const updateTimeToLive = (state: ServiceState, input: UpdateTimeToLiveInput) => {
  const { engine } = state.table(input.TableName);
  const spec = input.TimeToLiveSpecification;
  if (spec === undefined || typeof spec.AttributeName !== 'string' || spec.AttributeName === '') {
    throw validationException(
      'One or more parameter values were invalid: TimeToLiveSpecification needs Enabled and AttributeName',
    );
  }
  if (spec.Enabled) {
    if (engine.timeToLiveAttribute !== undefined)
      throw validationException('TimeToLive is already enabled');
    engine.setTimeToLiveAttribute(spec.AttributeName);
  } else {
    if (engine.timeToLiveAttribute === undefined)
      throw validationException('TimeToLive is already disabled');
    engine.setTimeToLiveAttribute(undefined);
  }
  return { TimeToLiveSpecification: { Enabled: spec.Enabled, AttributeName: spec.AttributeName } };
};

/** DescribeTimeToLive. */
export const describeTimeToLive = (state: ServiceState, input: DescribeTimeToLiveInput) => {
  const attribute = state.table(input.TableName).engine.timeToLiveAttribute;
  return {
    TimeToLiveDescription:
      attribute === undefined
        ? { TimeToLiveStatus: 'DISABLED' }
        : { TimeToLiveStatus: 'ENABLED', AttributeName: attribute },
  };
};
