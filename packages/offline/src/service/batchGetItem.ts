import type { BatchGetItemInput } from '@aws-sdk/client-dynamodb';
import { project } from '../expression/expressions.js';
import type { AttributeMap } from '../item/attributeMap.js';
import { admitKey } from '../table/admitItem.js';
import { validationException } from '../table/dynamoDbErrors.js';
import { compileRequest, refuseLegacy } from './requestExpressions.js';
import type { ServiceState } from './serviceState.js';
import { wireMap } from './wireJson.js';

const MAX_KEYS = 100;

/** BatchGetItem: up to 100 keys over any tables; every key is answered (none left unprocessed). */
export const batchGetItem = (state: ServiceState, input: BatchGetItemInput) => {
  const entries = Object.entries(input.RequestItems ?? {});
  const count = entries.reduce((sum, [, request]) => sum + (request?.Keys?.length ?? 0), 0);
  if (count > MAX_KEYS) {
    throw validationException(`Too many items requested for the BatchGetItem call`);
  }
  const reads = entries.map(([tableName, request]) => {
    refuseLegacy(request, ['AttributesToGet']);
    const { engine } = state.table(tableName);
    const { projection } = compileRequest(request, engine.keySchema);
    const keys = (request.Keys ?? []).map((key) => wireMap(key));
    const ids = keys.map((key) => admitKey(engine.keySchema, key).id);
    if (new Set(ids).size !== ids.length) {
      throw validationException('Provided list of item keys contains duplicates');
    }
    return { tableName, engine, projection, keys };
  });
  const responses: Record<string, AttributeMap[]> = {};
  for (const { tableName, engine, projection, keys } of reads) {
    const items = keys.flatMap((key) => {
      const item = engine.getItem(key);
      return item ? [item] : [];
    });
    responses[tableName] = projection ? items.map((item) => project(projection, item)) : items;
  }
  return { Responses: responses, UnprocessedKeys: {} };
};
