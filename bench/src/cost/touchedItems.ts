import type { CapturedRequest } from './capacityUnits.js';
import type { WireItem } from './itemBytes.js';

/** An item a request reads or writes: its table, and its key or the whole item put. */
export interface TouchedItem {
  readonly table: string;
  readonly item: WireItem;
}

type Action = Record<string, { TableName: string; Item?: WireItem; Key?: WireItem }>;
type BatchWrite = { PutRequest?: { Item: WireItem }; DeleteRequest?: { Key: WireItem } };

const ofBatchWrite = (byTable: Record<string, readonly BatchWrite[]>): TouchedItem[] =>
  Object.entries(byTable).flatMap(([table, requests]) =>
    requests.map((r) => ({ table, item: (r.PutRequest?.Item ?? r.DeleteRequest?.Key)! })),
  );

const ofTransaction = (actions: readonly Action[]): TouchedItem[] =>
  actions.map((action) => {
    const request = Object.values(action)[0]!;
    return { table: request.TableName, item: (request.Item ?? request.Key)! };
  });

const ofBatchGet = (byTable: Record<string, { Keys: WireItem[] }>): TouchedItem[] =>
  Object.entries(byTable).flatMap(([table, { Keys }]) => Keys.map((item) => ({ table, item })));

/** The items one request (as sent over the wire) reads or writes; none for other operations. */
export const touchedItems = (request: CapturedRequest): TouchedItem[] => {
  const b = request.body as Record<string, unknown>;
  const table = b.TableName as string;
  switch (request.operation) {
    case 'PutItem':
      return [{ table, item: b.Item as WireItem }];
    case 'UpdateItem':
    case 'DeleteItem':
    case 'GetItem':
      return [{ table, item: b.Key as WireItem }];
    case 'BatchWriteItem':
      return ofBatchWrite(b.RequestItems as Record<string, BatchWrite[]>);
    case 'TransactWriteItems':
      return ofTransaction(b.TransactItems as Action[]);
    case 'BatchGetItem':
      return ofBatchGet(b.RequestItems as Record<string, { Keys: WireItem[] }>);
    default:
      return [];
  }
};
