import { randomUUID } from 'node:crypto';
import {
  CreateTableCommand,
  DeleteItemCommand,
  type DynamoDBClient,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { admitAttributes } from '../../table/admitValue.js';
import { caseKey, type UpdateCase, type UpdateOutcome } from './updateCase.js';

/** Creates the differential tests' table (`pk` S, `sk` N) on DynamoDB Local; returns its name. */
export const createCaseTable = async (client: DynamoDBClient): Promise<string> => {
  const TableName = `expressions-${randomUUID()}`;
  await client.send(
    new CreateTableCommand({
      TableName,
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'N' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  return TableName;
};

/** Runs a case as an UpdateItem (ReturnValues ALL_NEW) on DynamoDB Local, from a freshly written item. */
export const runOnDynamoDBLocal = async (
  client: DynamoDBClient,
  TableName: string,
  c: UpdateCase,
): Promise<UpdateOutcome> => {
  if (c.item === undefined) await client.send(new DeleteItemCommand({ TableName, Key: caseKey }));
  else await client.send(new PutItemCommand({ TableName, Item: c.item }));
  try {
    const { Attributes } = await client.send(
      new UpdateItemCommand({
        TableName,
        Key: caseKey,
        UpdateExpression: c.update,
        ConditionExpression: c.condition,
        ExpressionAttributeNames: c.names,
        ExpressionAttributeValues: c.values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    // Canonical form (sets sorted, numbers normalized), as the engine returns items.
    return { item: admitAttributes(Attributes ?? {}, { size: 0 }) };
  } catch (error) {
    const e = error as Error;
    return { error: e.name, message: e.message };
  }
};
