import {
  type AttributeValue,
  BatchWriteItemCommand,
  DeleteItemCommand,
  type DynamoDBClient,
  PutItemCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import type {
  ConformanceCondition,
  ConformanceUpdate,
  ConformanceWrite,
  WriteOutcome,
} from './conformanceWrite.js';

/** Placeholder names and values of one expression, numbered so they never clash. */
class Expression {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, AttributeValue> = {};
  private count = 0;

  name(attribute: string): string {
    const placeholder = `#n${this.count++}`;
    this.names[placeholder] = attribute;
    return placeholder;
  }

  value(value: AttributeValue): string {
    const placeholder = `:v${this.count++}`;
    this.values[placeholder] = value;
    return placeholder;
  }

  /** The names/values request fields, omitted when empty (DynamoDB rejects empty maps). */
  fields(): {
    ExpressionAttributeNames?: Record<string, string>;
    ExpressionAttributeValues?: Record<string, AttributeValue>;
  } {
    return {
      ...(Object.keys(this.names).length > 0 ? { ExpressionAttributeNames: this.names } : {}),
      ...(Object.keys(this.values).length > 0 ? { ExpressionAttributeValues: this.values } : {}),
    };
  }
}

const conditionText = (
  condition: ConformanceCondition,
  partitionKey: string,
  e: Expression,
): string => {
  switch (condition.type) {
    case 'itemExists':
      return `attribute_exists(${e.name(partitionKey)})`;
    case 'itemNotExists':
      return `attribute_not_exists(${e.name(partitionKey)})`;
    case 'attributesEqual':
      return Object.entries(condition.attributes)
        .map(([name, value]) => `${e.name(name)} = ${e.value(value)}`)
        .join(' AND ');
  }
};

const updateText = (update: ConformanceUpdate, e: Expression): string => {
  const clauses: string[] = [];
  const entries = (values: ConformanceUpdate['set']) => Object.entries(values ?? {});
  const set = entries(update.set).map(([name, value]) => `${e.name(name)} = ${e.value(value)}`);
  if (set.length > 0) clauses.push(`SET ${set.join(', ')}`);
  const remove = (update.remove ?? []).map((name) => e.name(name));
  if (remove.length > 0) clauses.push(`REMOVE ${remove.join(', ')}`);
  const add = entries(update.add).map(([name, value]) => `${e.name(name)} ${e.value(value)}`);
  if (add.length > 0) clauses.push(`ADD ${add.join(', ')}`);
  const del = entries(update.delete).map(([name, value]) => `${e.name(name)} ${e.value(value)}`);
  if (del.length > 0) clauses.push(`DELETE ${del.join(', ')}`);
  return clauses.join(' ');
};

type SingleWrite = Exclude<ConformanceWrite, { kind: 'batch' | 'transact' }>;

/** The request fields of a put, update or delete (also the body of a transaction action). */
const requestOf = (TableName: string, partitionKey: string, write: SingleWrite) => {
  const e = new Expression();
  const condition =
    write.condition === undefined
      ? {}
      : { ConditionExpression: conditionText(write.condition, partitionKey, e) };
  switch (write.kind) {
    case 'put':
      return {
        kind: 'put' as const,
        input: { TableName, Item: { ...write.item }, ...condition, ...e.fields() },
      };
    case 'update': {
      const UpdateExpression = updateText(write.update, e);
      return {
        kind: 'update' as const,
        input: { TableName, Key: { ...write.key }, UpdateExpression, ...condition, ...e.fields() },
      };
    }
    case 'delete':
      return {
        kind: 'delete' as const,
        input: { TableName, Key: { ...write.key }, ...condition, ...e.fields() },
      };
  }
};

const send = async (
  client: DynamoDBClient,
  TableName: string,
  partitionKey: string,
  write: ConformanceWrite,
) => {
  switch (write.kind) {
    case 'batch':
      await client.send(
        new BatchWriteItemCommand({
          RequestItems: {
            [TableName]: write.requests.map((r) =>
              'put' in r
                ? { PutRequest: { Item: { ...r.put } } }
                : { DeleteRequest: { Key: { ...r.delete } } },
            ),
          },
        }),
      );
      return;
    case 'transact':
      await client.send(
        new TransactWriteItemsCommand({
          TransactItems: write.actions.map((action) => {
            const request = requestOf(TableName, partitionKey, action);
            return request.kind === 'put'
              ? { Put: request.input }
              : request.kind === 'update'
                ? { Update: request.input }
                : { Delete: request.input };
          }),
        }),
      );
      return;
    default: {
      const request = requestOf(TableName, partitionKey, write);
      if (request.kind === 'put') await client.send(new PutItemCommand(request.input));
      else if (request.kind === 'update') await client.send(new UpdateItemCommand(request.input));
      else await client.send(new DeleteItemCommand(request.input));
    }
  }
};

/** Runs a script against a real DynamoDB API (DynamoDB Local); each write's outcome, in order. */
export const applyToDynamoDB = async (
  client: DynamoDBClient,
  tableName: string,
  partitionKey: string,
  writes: readonly ConformanceWrite[],
): Promise<WriteOutcome[]> => {
  const outcomes: WriteOutcome[] = [];
  for (const write of writes) {
    try {
      await send(client, tableName, partitionKey, write);
      outcomes.push('ok');
    } catch (error) {
      outcomes.push({ error: (error as Error).name });
    }
  }
  return outcomes;
};
