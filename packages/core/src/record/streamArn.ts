/** The parts of a DynamoDB stream ARN `arn:PARTITION:dynamodb:REGION:ACCOUNT:table/NAME/stream/LABEL`. */
export interface StreamArnParts {
  readonly region: string;
  readonly accountId: string;
  readonly tableName: string;
  readonly streamLabel: string;
}

const RESOURCE = /^table\/([^/]+)\/stream\/(.+)$/;

/** Splits a stream ARN into region, account, table name and stream label; `undefined` if it is not one. */
export const parseStreamArn = (arn: string): StreamArnParts | undefined => {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn' || parts[2] !== 'dynamodb') return undefined;
  // The stream label is a timestamp that itself contains colons.
  const match = RESOURCE.exec(parts.slice(5).join(':'));
  if (match === null) return undefined;
  return {
    region: parts[3] ?? '',
    accountId: parts[4] ?? '',
    tableName: match[1] ?? '',
    streamLabel: match[2] ?? '',
  };
};
