import { startDynamoDBLocal } from '@sluice/testing';
import { BatchWriteItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTaskTable } from './src/poller/testSupport/taskTables.js';
import { createProjectionTables } from './src/dynamodb/tables/createProjectionTables.js';
import { markerTableSpec, tableSpec } from './src/dynamodb/tables/tableSpec.js';
import { createLeaseTable } from './src/poller/lease/createLeaseTable.js';
const local = await startDynamoDBLocal();
console.log('ENDPOINT', local.endpoint);
const dynamodb = new DynamoDBClient({ endpoint: local.endpoint, region: 'local', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
await createTaskTable(dynamodb, 'tasks');
for (let s = 0; s < 2000; s += 25)
  await dynamodb.send(new BatchWriteItemCommand({ RequestItems: { tasks: Array.from({ length: 25 }, (_, i) => ({ PutRequest: { Item: { id: { S: `t${s + i}` }, list: { S: `l${(s + i) % 4}` }, points: { N: '1' } } } })) } }));
await createProjectionTables(dynamodb, [tableSpec('totals', 'list'), markerTableSpec('markers'), tableSpec('history', 'entityId', 'change')]);
await createLeaseTable(dynamodb, 'leases');
console.log('READY');
await new Promise((r) => setTimeout(r, 120_000));
await local.stop?.();
process.exit(0);
