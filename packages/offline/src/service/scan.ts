import type { ScanInput as SdkScanInput } from '@aws-sdk/client-dynamodb';
import { type ScanInput, scanItems } from '../table/scanItems.js';
import { readCapacity } from './consumedCapacity.js';
import { indexOf, pageOutput, selectOf } from './readPage.js';
import { compileRequest, refuseLegacy } from './requestExpressions.js';
import type { ServiceState } from './serviceState.js';
import { wireMap } from './wireJson.js';

/** Scan: every item of the table or index (or one segment of a parallel scan), filtered and paged. */
export const scan = (state: ServiceState, input: SdkScanInput) => {
  refuseLegacy(input, ['ScanFilter', 'AttributesToGet', 'ConditionalOperator']);
  const { engine } = state.table(input.TableName);
  const index = indexOf(engine, input.IndexName);
  const { filter, projection } = compileRequest(input, index?.keySchema ?? engine.keySchema);
  const select = selectOf(input.Select, projection, index);
  const request: ScanInput = {
    ...(input.Limit !== undefined ? { limit: input.Limit } : {}),
    ...(input.ExclusiveStartKey ? { exclusiveStartKey: wireMap(input.ExclusiveStartKey) } : {}),
    ...(input.Segment !== undefined ? { segment: input.Segment } : {}),
    ...(input.TotalSegments !== undefined ? { totalSegments: input.TotalSegments } : {}),
  };
  const page = index
    ? scanItems(index.store, index.keySchema, request, (key) => index.entryKeyOf(key))
    : engine.scanItems(request);
  return {
    ...pageOutput(page, filter, projection, select),
    ...readCapacity(input, engine.tableName, page.items),
  };
};
