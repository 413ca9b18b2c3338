import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as E from 'fp-ts/lib/Either.js';
import { type TableSpec, tableSpec } from '../dynamodb/tables/tableSpec.js';
import { errorKind } from '../retry/errorKind.js';
import { done, retrying } from '../retry/retrying.js';
import { defaultRetryPolicy, type RetryPolicy } from '../retry/retryPolicy.js';
import type { StoreError } from '../store/storeError.js';
import { type ActiveVersions, type VersionConflict, versionConflict } from './activeVersions.js';

/** The active-versions table: partition key `projection` (S); items `{ projection, version, switchedAt }`. */
export const activeVersionsTableSpec = (tableName: string): TableSpec =>
  tableSpec(tableName, 'projection');

/** Where `dynamoDbActiveVersions` keeps its items. */
export interface DynamoDbActiveVersionsOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly retryPolicy?: Partial<RetryPolicy>;
}

const versionOf = (item: Record<string, unknown> | undefined): number | undefined =>
  typeof item?.version === 'number' ? item.version : undefined;

// A condition failure carries the stored item in DynamoDB JSON (the document client leaves it so).
const rawVersionOf = (item: unknown): number | undefined => {
  const n = (item as { version?: { N?: unknown } } | undefined)?.version?.N;
  return typeof n === 'string' ? Number(n) : undefined;
};

/** Active versions in DynamoDB: read strongly consistent, switched by a conditional put. */
export const dynamoDbActiveVersions = (options: DynamoDbActiveVersionsOptions): ActiveVersions => {
  const { client, tableName } = options;
  const policy = { ...defaultRetryPolicy, ...options.retryPolicy };
  return {
    get: async (projection) => {
      const read = await retrying(policy, 'GetItem', tableName, async () =>
        done(
          await client.send(
            new GetCommand({ TableName: tableName, Key: { projection }, ConsistentRead: true }),
          ),
        ),
      );
      return E.isLeft(read) ? read : E.right(versionOf(read.right.Item));
    },
    activate: async (projection, version, expected) => {
      type Outcome = { readonly actual: number | undefined } | undefined;
      const put = await retrying<Outcome>(policy, 'PutItem', tableName, async () => {
        try {
          await client.send(
            new PutCommand({
              TableName: tableName,
              Item: { projection, version, switchedAt: new Date().toISOString() },
              // Both names are DynamoDB reserved words.
              ...(expected === undefined
                ? {
                    ConditionExpression: 'attribute_not_exists(#projection)',
                    ExpressionAttributeNames: { '#projection': 'projection' },
                  }
                : {
                    ConditionExpression: '#version = :expected',
                    ExpressionAttributeNames: { '#version': 'version' },
                    ExpressionAttributeValues: { ':expected': expected },
                  }),
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            }),
          );
          return done(undefined);
        } catch (error) {
          if (errorKind(error) !== 'conditionFailed') throw error;
          // A retried request that had landed finds its own write: that is success.
          const actual = rawVersionOf((error as { Item?: unknown }).Item);
          return done(actual === version ? undefined : { actual });
        }
      });
      if (E.isLeft(put)) return put;
      if (put.right === undefined) return E.right(undefined);
      const conflict: VersionConflict | StoreError = versionConflict(
        projection,
        expected,
        put.right.actual,
      );
      return E.left(conflict);
    },
  };
};
