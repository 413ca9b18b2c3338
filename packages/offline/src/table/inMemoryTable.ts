import type { CancellationReason } from '@aws-sdk/client-dynamodb';
import type { Identity } from '@aws-sdk/client-dynamodb-streams';
import type { StreamViewType } from '@sluice/core';
import { type Clock, systemClock } from '@sluice/core';
import type { AttributeMap, PlainItem } from '../item/attributeMap.js';
import type { KeySchema } from '../item/keySchema.js';
import { InMemoryStream, type InMemoryStreamConfig } from '../stream/inMemoryStream.js';
import { type StreamEventName, TTL_SERVICE_IDENTITY } from '../stream/streamRecord.js';
import { admitKey } from './admitItem.js';
import { DocumentConversion } from './documentConversion.js';
import { conditionalCheckFailed } from './dynamoDbErrors.js';
import type { ItemPage } from './itemPage.js';
import { ItemStore } from './itemStore.js';
import type { ItemUpdate } from './itemUpdate.js';
import { planBatchWrite } from './planBatchWrite.js';
import {
  checkTransactionPlans,
  planTransaction,
  planTransactionActions,
} from './planTransaction.js';
import {
  changesSomething,
  type PlanContext,
  type PlannedWrite,
  planDelete,
  planPut,
  planUpdate,
} from './planWrite.js';
import { type QueryInput, queryItems } from './queryItems.js';
import { type ScanInput, scanItems } from './scanItems.js';
import { SecondaryIndex } from './secondaryIndex.js';
import { checkTableOptions, type InMemoryTableOptions } from './tableOptions.js';
import { ttlExpired } from './timeToLive.js';
import { conditionHolds } from './writeCondition.js';
import type {
  BatchWriteRequest,
  BatchWriteResult,
  TransactWriteAction,
  WriteOptions,
} from './writeRequests.js';
import type { WriteResult } from './writeResult.js';

/**
 * A DynamoDB table in memory whose writes feed an in-memory DynamoDB stream, record for record as
 * DynamoDB would emit them. Methods come in two forms, named like the SDK's commands:
 * `putItem`/`getItem`/… take DynamoDB JSON (`{ pk: { S: 'a' } }`) like `DynamoDBClient`, and
 * `put`/`get`/… take plain values (`{ pk: 'a' }`) like the DocumentClient. Failures throw the SDK's own
 * exceptions (`ValidationException`, `ConditionalCheckFailedException`,
 * `TransactionCanceledException`), so code ported from `DynamoDBClient` handles them unchanged.
 */
export class InMemoryTable {
  readonly tableName: string;
  readonly tableArn: string;
  readonly keySchema: KeySchema;
  readonly clock: Clock;
  private ttlAttribute: string | undefined;
  private readonly store: ItemStore;
  /** Planning for DynamoDB-JSON requests: the caller keeps its objects, so they are copied. */
  private readonly raw: PlanContext;
  /** Planning for plain requests: `marshall` built the values for us, so they are adopted. */
  private readonly plain: PlanContext;
  private readonly document: DocumentConversion;
  private maybeStream: InMemoryStream | undefined;
  private readonly streamConfig: Omit<InMemoryStreamConfig, 'viewType'>;
  private readonly indexes: ReadonlyMap<string, SecondaryIndex>;

  constructor(options: InMemoryTableOptions) {
    checkTableOptions(options);
    const region = options.region ?? 'us-east-1';
    const accountId = options.accountId ?? '000000000000';
    this.tableName = options.tableName;
    this.tableArn = `arn:aws:dynamodb:${region}:${accountId}:table/${options.tableName}`;
    this.keySchema = options.sortKey
      ? { partitionKey: options.partitionKey, sortKey: options.sortKey }
      : { partitionKey: options.partitionKey };
    this.ttlAttribute = options.timeToLiveAttribute;
    this.clock = options.clock ?? systemClock;
    this.store = new ItemStore(this.keySchema);
    this.raw = { schema: this.keySchema, store: this.store, owned: false };
    this.plain = { schema: this.keySchema, store: this.store, owned: true };
    this.document = new DocumentConversion(options);
    this.indexes = new Map(
      (options.indexes ?? []).map((o) => [o.indexName, new SecondaryIndex(o, this.keySchema)]),
    );
    this.streamConfig = {
      ...options.stream,
      tableName: options.tableName,
      keySchema: this.keySchema,
      region,
      accountId,
      clock: this.clock,
    };
    this.maybeStream =
      options.streamViewType === undefined
        ? undefined
        : new InMemoryStream({ ...this.streamConfig, viewType: options.streamViewType });
  }

  /** Name of the TTL attribute `sweepTtl()` reads, if TTL is enabled. */
  get timeToLiveAttribute(): string | undefined {
    return this.ttlAttribute;
  }

  /** Enables TTL on `attribute`, or disables it (UpdateTimeToLive). */
  setTimeToLiveAttribute(attribute: string | undefined): void {
    this.ttlAttribute = attribute;
  }

  /**
   * Starts a new stream (a new ARN) that receives every later write, as UpdateTable does when it
   * enables a stream. The previous stream, if any, stops receiving records but stays readable.
   */
  enableStream(viewType: StreamViewType): InMemoryStream {
    this.maybeStream = new InMemoryStream({ ...this.streamConfig, viewType });
    return this.maybeStream;
  }

  /** Stops recording writes (UpdateTable disabling the stream); the old stream stays readable. */
  disableStream(): void {
    this.maybeStream?.disable();
    this.maybeStream = undefined;
  }

  /** The secondary index named `indexName`, if the table has it. */
  index(indexName: string): SecondaryIndex | undefined {
    return this.indexes.get(indexName);
  }

  /** The table's secondary indexes. */
  get secondaryIndexes(): SecondaryIndex[] {
    return [...this.indexes.values()];
  }

  /** The table's stream; a programmer error to ask for on a table created without `streamViewType`. */
  get stream(): InMemoryStream {
    if (this.maybeStream === undefined)
      throw new Error(`table ${this.tableName} has no stream (no streamViewType)`);
    return this.maybeStream;
  }

  /** Whether the table has a stream. */
  get hasStream(): boolean {
    return this.maybeStream !== undefined;
  }

  /** Number of items stored. */
  get itemCount(): number {
    return this.store.size;
  }

  /** PutItem: writes the whole item. */
  putItem(item: AttributeMap, options: WriteOptions = {}): WriteResult {
    return this.writeOne(planPut(this.raw, item), options);
  }

  /** UpdateItem: changes (or creates) the item by actions or by a function of the current item. */
  updateItem(key: AttributeMap, update: ItemUpdate, options: WriteOptions = {}): WriteResult {
    return this.writeOne(planUpdate(this.raw, key, update), options);
  }

  /** DeleteItem: removes the item; deleting a missing item succeeds and emits nothing. */
  deleteItem(key: AttributeMap, options: WriteOptions = {}): WriteResult {
    return this.writeOne(planDelete(this.raw, key), options);
  }

  /** GetItem: the item with this key, or `undefined`. Items are frozen; copy before mutating. */
  getItem(key: AttributeMap): AttributeMap | undefined {
    return this.store.get(admitKey(this.keySchema, key).id)?.item;
  }

  /** Query: one partition in sort-key order, paged like DynamoDB (limit, 1 MB, lastEvaluatedKey). */
  queryItems(input: QueryInput): ItemPage {
    return queryItems(this.store, this.keySchema, input);
  }

  /** Scan: all items (or one segment of a parallel scan), paged like DynamoDB. */
  scanItems(input: ScanInput = {}): ItemPage {
    return scanItems(this.store, this.keySchema, input);
  }

  /** Every item, in scan order. For assertions in tests. */
  scanAllItems(): AttributeMap[] {
    return this.store.inScanOrder().map((slot) => slot.item);
  }

  /** BatchWriteItem: up to 25 puts and deletes, no two on one item, validated before any is applied. */
  batchWriteItems(requests: readonly BatchWriteRequest[]): BatchWriteResult {
    for (const plan of this.checked(planBatchWrite(this.raw, requests))) this.commit(plan);
    return { unprocessed: [] };
  }

  /** TransactWriteItems: up to 100 actions on distinct items; all are applied or none. */
  transactWriteItems(actions: readonly TransactWriteAction[]): WriteResult[] {
    return this.checked(planTransaction(this.raw, actions)).map((plan) => this.commit(plan));
  }

  /**
   * Plans TransactWriteItems actions on this table and checks their conditions without applying
   * anything; a transaction over several tables plans on each, then commits with `commitPlanned`.
   */
  planTransactWrite(actions: readonly TransactWriteAction[]): {
    readonly plans: PlannedWrite[];
    readonly reasons: CancellationReason[];
  } {
    const planned = planTransactionActions(this.raw, actions);
    checkTransactionPlans(planned.plans);
    this.checked(planned.plans);
    return planned;
  }

  /** Validates BatchWriteItem requests without applying them (a batch over several tables plans each first). */
  planBatchWrite(requests: readonly BatchWriteRequest[]): PlannedWrite[] {
    return this.checked(planBatchWrite(this.raw, requests));
  }

  /** Applies writes planned by `planTransactWrite` or `planBatchWrite` (all of them valid and their conditions met). */
  commitPlanned(plans: readonly PlannedWrite[]): WriteResult[] {
    return plans.map((plan) => this.commit(plan));
  }

  /** Like `putItem`, with a plain item. */
  put(item: PlainItem, options: WriteOptions<unknown, PlainItem> = {}): WriteResult<PlainItem> {
    const d = this.document;
    return d.result(this.writeOne(planPut(this.plain, d.item(item)), d.options(options)));
  }

  /** Like `updateItem`, with a plain key and plain values (or a function over plain items). */
  update(
    key: PlainItem,
    update: ItemUpdate<unknown, PlainItem>,
    options: WriteOptions<unknown, PlainItem> = {},
  ): WriteResult<PlainItem> {
    const d = this.document;
    return d.result(
      this.writeOne(planUpdate(this.plain, d.item(key), d.update(update)), d.options(options)),
    );
  }

  /** Like `deleteItem`, with a plain key. */
  delete(key: PlainItem, options: WriteOptions<unknown, PlainItem> = {}): WriteResult<PlainItem> {
    const d = this.document;
    return d.result(this.writeOne(planDelete(this.plain, d.item(key)), d.options(options)));
  }

  /** Like `getItem`, with a plain key and a plain (fresh, mutable) item. */
  get(key: PlainItem): PlainItem | undefined {
    return this.document.plain(this.getItem(this.document.item(key)));
  }

  /** Like `queryItems`, with plain values. */
  query(input: QueryInput<unknown>): ItemPage<PlainItem> {
    return this.document.page(this.queryItems(this.document.query(input)));
  }

  /** Like `scanItems`, with plain values. */
  scan(input: ScanInput<unknown> = {}): ItemPage<PlainItem> {
    return this.document.page(this.scanItems(this.document.scan(input)));
  }

  /** Like `scanAllItems`, as plain items. */
  scanAll(): PlainItem[] {
    return this.scanAllItems().map((item) => this.document.plain(item));
  }

  /** Like `batchWriteItems`, with plain items and keys. */
  batchWrite(requests: readonly BatchWriteRequest<PlainItem>[]): BatchWriteResult<PlainItem> {
    const plans = planBatchWrite(
      this.plain,
      requests.map((r) => this.document.batchRequest(r)),
    );
    for (const plan of this.checked(plans)) this.commit(plan);
    return { unprocessed: [] };
  }

  /** Like `transactWriteItems`, with plain items, keys and values. */
  transactWrite(
    actions: readonly TransactWriteAction<unknown, PlainItem>[],
  ): WriteResult<PlainItem>[] {
    const d = this.document;
    const plans = planTransaction(
      this.plain,
      actions.map((a) => d.action(a)),
    );
    return this.checked(plans).map((plan) => d.result(this.commit(plan)));
  }

  /**
   * Deletes every item whose TTL attribute (a number, epoch seconds) is at or before the clock's
   * now, emitting REMOVE records with the DynamoDB service identity, as TTL does on AWS. Like AWS,
   * values more than five years in the past are ignored (usually milliseconds stored by mistake
   * are the opposite problem: far in the future, never expiring).
   */
  sweepTtl(): WriteResult[] {
    const attribute = this.ttlAttribute;
    if (attribute === undefined) return [];
    const nowMs = this.clock.now();
    const expired = [...this.store.all()].filter((slot) => ttlExpired(slot.item[attribute], nowMs));
    return expired.map((slot) =>
      this.commit(
        { key: slot.key, oldItem: slot.item, oldSize: slot.size, next: undefined },
        TTL_SERVICE_IDENTITY,
      ),
    );
  }

  /** The plans, once every new item passed the secondary indexes' key checks. */
  private checked<T extends readonly PlannedWrite[]>(plans: T): T {
    if (this.indexes.size === 0) return plans;
    for (const { next } of plans) {
      if (next !== undefined) for (const index of this.indexes.values()) index.check(next.item);
    }
    return plans;
  }

  private writeOne(plan: PlannedWrite, options: WriteOptions): WriteResult {
    this.checked([plan]);
    if (options.condition !== undefined && !conditionHolds(options.condition, plan.oldItem)) {
      throw conditionalCheckFailed(
        options.returnValuesOnConditionCheckFailure === 'ALL_OLD' ? plan.oldItem : undefined,
      );
    }
    return this.commit(plan);
  }

  /** Applies a plan to the store and, if it changed something, appends the stream record. */
  private commit(plan: PlannedWrite, userIdentity?: Identity): WriteResult {
    const { key, oldItem, next } = plan;
    if (!changesSomething(plan)) {
      return { eventName: undefined, oldItem, newItem: next?.item ?? oldItem, record: undefined };
    }
    const eventName: StreamEventName =
      oldItem === undefined ? 'INSERT' : next === undefined ? 'REMOVE' : 'MODIFY';
    if (next === undefined) this.store.delete(key.id);
    else this.store.set(key, next.item, next.size);
    for (const index of this.indexes.values()) index.apply(key, next?.item);
    const record = this.maybeStream?.append({
      eventName,
      keys: key.keys,
      keysSize: key.keysSize,
      hash: key.hash,
      newImage: next?.item,
      newImageSize: next?.size ?? 0,
      oldImage: oldItem,
      oldImageSize: plan.oldSize,
      userIdentity,
    });
    return { eventName, oldItem, newItem: next?.item, record };
  }
}

export type { InMemoryTableOptions };
