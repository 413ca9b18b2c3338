import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Where a command's clients point: `--region`, `--endpoint` (both optional). */
export interface ClientTarget {
  readonly region: string | undefined;
  readonly endpoint: string | undefined;
}

/**
 * The clients of Sluice's commands: the region from `--region` or the environment, and with an
 * `--endpoint` but no credentials in the environment, dummy ones (DynamoDB Local accepts any,
 * while the default chain would fail without some).
 */
export const cliClients = (
  target: ClientTarget,
  env: Readonly<Record<string, string | undefined>>,
) => {
  const region = target.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const local = target.endpoint !== undefined && env.AWS_ACCESS_KEY_ID === undefined;
  const config = {
    region,
    ...(target.endpoint === undefined ? {} : { endpoint: target.endpoint }),
    ...(local ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  };
  const dynamodb = new DynamoDBClient(config);
  return {
    dynamodb,
    document: DynamoDBDocumentClient.from(dynamodb),
    streams: new DynamoDBStreamsClient(config),
  };
};
