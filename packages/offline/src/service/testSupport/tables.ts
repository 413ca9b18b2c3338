import { CreateTableCommand, type CreateTableInput } from '@aws-sdk/client-dynamodb';
import type { InProcessDynamoDB } from '../inProcessDynamoDB.js';

/** A table keyed `pk` (S) and `sk` (N) with a NEW_AND_OLD_IMAGES stream, plus any extra settings. */
export const createOrdersTable = async (
  db: InProcessDynamoDB,
  extra: Partial<CreateTableInput> = {},
  name = 'orders',
): Promise<void> => {
  const { AttributeDefinitions = [], ...rest } = extra;
  await db.client().send(
    new CreateTableCommand({
      TableName: name,
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'N' },
        ...AttributeDefinitions,
      ],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      ...rest,
    }),
  );
};
