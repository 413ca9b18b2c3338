import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { CreateTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { connectDynamoDBLocal } from './connectDynamoDBLocal.js';
import { DynamoDBLocalStartError } from './dynamodbLocalStartError.js';
import { startDynamoDBLocal } from './startDynamoDBLocal.js';

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the run-wide DynamoDB Local from the global setup', () => {
  const local = connectDynamoDBLocal(inject('dynamodbLocalEndpoint'));
  afterAll(() => local.destroy());

  it('is provided on a loopback endpoint and stores items through the document client', async () => {
    expect(local.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const TableName = `launcher-${randomUUID()}`;
    await local.clients.dynamodb.send(
      new CreateTableCommand({
        TableName,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await local.clients.documentClient.send(new PutCommand({ TableName, Item: { id: 'a', n: 1 } }));
    const { Item } = await local.clients.documentClient.send(
      new GetCommand({ TableName, Key: { id: 'a' } }),
    );
    expect(Item).toEqual({ id: 'a', n: 1 });
  });

  it('refuses an endpoint that is not loopback, so tests never reach AWS', () => {
    expect(() => connectDynamoDBLocal('https://dynamodb.us-east-1.amazonaws.com')).toThrow(
      /loopback/,
    );
  });
});

describe('startDynamoDBLocal', () => {
  it('starts a separate instance that answers, and stop() ends its Java process', async () => {
    const instance = await startDynamoDBLocal();
    try {
      expect(isAlive(instance.pid)).toBe(true);
      const { TableNames } = await instance.clients.dynamodb.send(new ListTablesCommand({}));
      expect(TableNames).toEqual([]);
    } finally {
      await instance.stop();
    }
    expect(isAlive(instance.pid)).toBe(false);
    const after = connectDynamoDBLocal(instance.endpoint);
    await expect(
      after.clients.dynamodb.send(new ListTablesCommand({}), {
        abortSignal: AbortSignal.timeout(2_000),
      }),
    ).rejects.toThrow();
    after.destroy();
    await instance.stop(); // idempotent
  });

  it('fails with an install hint when Java is missing', async () => {
    const error = await startDynamoDBLocal({ java: '/nonexistent/bin/java' }).catch((e) => e);
    expect(error).toBeInstanceOf(DynamoDBLocalStartError);
    expect(error.reason).toBe('JavaMissing');
    expect(error.message).toMatch(/openjdk-17-jre-headless/);
  });

  it('names a taken port', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const error = await startDynamoDBLocal({ port }).catch((e) => e);
      expect(error).toBeInstanceOf(DynamoDBLocalStartError);
      expect(error.reason).toBe('PortInUse');
      expect(error.message).toContain(String(port));
    } finally {
      server.close();
    }
  });

  it('fails with the Java output when DynamoDB Local exits before answering', async () => {
    const error = await startDynamoDBLocal({ jvmOptions: ['-Xmx1k'] }).catch((e) => e);
    expect(error).toBeInstanceOf(DynamoDBLocalStartError);
    expect(error.reason).toBe('ProcessExited');
    expect(error.output).not.toBe('');
  });
});
