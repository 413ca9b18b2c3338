/**
 * The optional peers (AWS SDK clients) each entry point of `@sluice/projections` needs for its
 * job, and so may load: the root and the jobs that only hand data to a store load none.
 */
export const peersByJob: Readonly<Record<string, readonly string[]>> = {
  '@sluice/projections': [],
  '@sluice/projections/dynamodb': ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
  '@sluice/projections/lambda': [],
  '@sluice/projections/poller': ['@aws-sdk/client-dynamodb', '@aws-sdk/client-dynamodb-streams'],
  '@sluice/projections/backfill': [
    '@aws-sdk/client-dynamodb',
    '@aws-sdk/client-dynamodb-streams',
    '@aws-sdk/lib-dynamodb',
  ],
  '@sluice/projections/recovery': ['@aws-sdk/client-dynamodb-streams'],
  '@sluice/projections/effects': ['@aws-sdk/lib-dynamodb'],
  '@sluice/projections/telemetry': [],
  '@sluice/projections/deploy': [],
};
