import type { StreamSourceSpec } from '@sluice/projections/deploy';
import type { StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { tableOf } from './tableOf.js';

/** The source table of a spec: its keys, its stream with the spec's view type, its TTL if any. */
export const streamSourceTable = (scope: Construct, id: string, source: StreamSourceSpec): Table =>
  tableOf(scope, id, source, {
    stream: source.streamViewType as StreamViewType,
    ...(source.timeToLiveAttribute === undefined
      ? {}
      : { timeToLiveAttribute: source.timeToLiveAttribute }),
  });
