import { itemBytes, type WireItem } from './itemBytes.js';

/** One request as the client sent it: the operation and its JSON body (wire format). */
export interface CapturedRequest {
  readonly operation: string;
  readonly body: Record<string, unknown>;
  /** The sizes of the items it touched, the larger of just before and just after it, when read. */
  readonly stored?: StoredBytes;
}

/** What requests cost by DynamoDB's pricing rules. */
export interface Units {
  readonly requests: number;
  readonly writeUnits: number;
  readonly readUnits: number;
}

/** The bytes of the item stored under a key, where the measurement knows it (see `storedItemSizes`). */
export type StoredBytes = (table: string, item: WireItem) => number | undefined;

/** The larger of an item's stored sizes before and after a write: what the write is billed on. */
export const largerStored =
  (before: StoredBytes, after: StoredBytes): StoredBytes =>
  (table, item) => {
    const [b, a] = [before(table, item), after(table, item)];
    return b === undefined ? a : a === undefined ? b : Math.max(a, b);
  };

/** A write of `bytes`: 1 WCU per KB, rounded up, at least 1. */
export const writeUnitsOf = (bytes: number): number => Math.max(1, Math.ceil(bytes / 1024));

/** A read of `bytes`: 1 RCU per 4 KB, rounded up, at least one; half for an eventually consistent read. */
export const readUnitsOf = (bytes: number, consistent: boolean): number =>
  Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5);

const NONE: Units = { requests: 0, writeUnits: 0, readUnits: 0 };

/** Adds two costs. */
export const addUnits = (a: Units, b: Units): Units => ({
  requests: a.requests + b.requests,
  writeUnits: a.writeUnits + b.writeUnits,
  readUnits: a.readUnits + b.readUnits,
});

type Action = Record<string, { TableName: string; Item?: WireItem; Key?: WireItem }>;

// A write is billed on the larger of the item before and after it: a put by the bigger of the
// new item and the stored one, an update or delete by the stored item (its key when unknown).
const writeBytes = (
  stored: StoredBytes,
  table: string,
  item: WireItem | undefined,
  key: WireItem | undefined,
) => {
  const known = stored(table, (item ?? key)!) ?? 0;
  return Math.max(known, item ? itemBytes(item) : itemBytes(key ?? {}));
};

const transactWrite = (stored: StoredBytes, actions: readonly Action[]): number => {
  let units = 0;
  for (const action of actions) {
    const [kind, request] = Object.entries(action)[0]!;
    const item = kind === 'Put' ? request.Item : undefined;
    // Every action, a ConditionCheck too, costs twice inside a transaction.
    units += 2 * writeUnitsOf(writeBytes(stored, request.TableName, item, request.Key));
  }
  return units;
};

const batchWrite = (stored: StoredBytes, byTable: Record<string, unknown[]>): number => {
  let units = 0;
  for (const [table, requests] of Object.entries(byTable))
    for (const r of requests as {
      PutRequest?: { Item: WireItem };
      DeleteRequest?: { Key: WireItem };
    }[])
      units += writeUnitsOf(writeBytes(stored, table, r.PutRequest?.Item, r.DeleteRequest?.Key));
  return units;
};

const batchGet = (
  stored: StoredBytes,
  byTable: Record<string, { Keys: WireItem[]; ConsistentRead?: boolean }>,
): number => {
  let units = 0;
  for (const [table, { Keys, ConsistentRead }] of Object.entries(byTable))
    for (const key of Keys) units += readUnitsOf(stored(table, key) ?? 0, ConsistentRead === true);
  return units;
};

// The request fields the pricing reads; which are present depends on the operation.
interface RequestBody {
  readonly TableName: string;
  readonly Item: WireItem;
  readonly Key: WireItem;
  readonly RequestItems: unknown;
  readonly TransactItems: readonly Action[];
  readonly ConsistentRead?: boolean;
}

/**
 * The capacity units one request consumes by DynamoDB's pricing rules: writes 1 WCU per KB of
 * the item (rounded up, per item), doubled inside TransactWriteItems; reads 1 RCU per 4 KB
 * strongly consistent, half eventually consistent, each item of a batch rounded on its own.
 * Computed from the request (DynamoDB Local does not double transactions in ConsumedCapacity),
 * with the item sizes read around it (`request.stored`), else those `fallback` knows.
 */
export const unitsOf = (request: CapturedRequest, fallback: StoredBytes): Units => {
  const b = request.body as unknown as RequestBody;
  const stored = request.stored ?? fallback;
  const one = (writeUnits: number, readUnits = 0): Units => ({
    requests: 1,
    writeUnits,
    readUnits,
  });
  switch (request.operation) {
    case 'PutItem':
      return one(writeUnitsOf(writeBytes(stored, b.TableName, b.Item, undefined)));
    case 'UpdateItem':
    case 'DeleteItem':
      return one(writeUnitsOf(writeBytes(stored, b.TableName, undefined, b.Key)));
    case 'BatchWriteItem':
      return one(batchWrite(stored, b.RequestItems as Record<string, unknown[]>));
    case 'TransactWriteItems':
      return one(transactWrite(stored, b.TransactItems));
    case 'BatchGetItem':
      return one(0, batchGet(stored, b.RequestItems as Parameters<typeof batchGet>[1]));
    case 'GetItem':
      return one(0, readUnitsOf(stored(b.TableName, b.Key) ?? 0, b.ConsistentRead === true));
    default:
      return { ...NONE, requests: 1 };
  }
};
