import type { AttributeMap } from '../item/attributeMap.js';
import { attributesSize } from '../table/attributeSize.js';

/** What a request says about capacity reporting. */
interface CapacityRequest {
  readonly ReturnConsumedCapacity?: string;
  readonly ConsistentRead?: boolean;
}

const asked = (request: CapacityRequest): boolean =>
  request.ReturnConsumedCapacity === 'TOTAL' || request.ReturnConsumedCapacity === 'INDEXES';

const bytesOf = (items: readonly (AttributeMap | undefined)[]): number =>
  items.reduce((sum, item) => sum + (item ? attributesSize(item) : 0), 0);

/**
 * The `ConsumedCapacity` of a read, when asked for: one read unit per 4 KB read (rounded up over
 * the whole page, at least one), half of that for an eventually consistent read, as DynamoDB bills.
 */
export const readCapacity = (
  request: CapacityRequest,
  tableName: string,
  items: readonly (AttributeMap | undefined)[],
) => {
  if (!asked(request)) return {};
  const units = Math.max(1, Math.ceil(bytesOf(items) / 4096));
  return {
    ConsumedCapacity: {
      TableName: tableName,
      CapacityUnits: request.ConsistentRead ? units : units / 2,
    },
  };
};

/** The `ConsumedCapacity` of a single write, when asked for: one unit per KB of the larger image. */
export const writeCapacity = (
  request: CapacityRequest,
  tableName: string,
  oldItem: AttributeMap | undefined,
  newItem: AttributeMap | undefined,
) => {
  if (!asked(request)) return {};
  const bytes = Math.max(bytesOf([oldItem]), bytesOf([newItem]));
  return {
    ConsumedCapacity: { TableName: tableName, CapacityUnits: Math.max(1, Math.ceil(bytes / 1024)) },
  };
};
