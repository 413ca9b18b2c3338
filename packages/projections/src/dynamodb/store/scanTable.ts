import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Row } from '../../plan/row.js';

/** Every item of a table, strongly consistent, following `LastEvaluatedKey` (tests only). */
export const scanTable = async (
  client: DynamoDBDocumentClient,
  tableName: string,
): Promise<readonly Row[]> => {
  const rows: Row[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: start }),
    );
    rows.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return rows;
};
