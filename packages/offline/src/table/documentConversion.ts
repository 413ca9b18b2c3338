import {
  convertToAttr,
  marshall,
  type marshallOptions,
  unmarshall,
  type unmarshallOptions,
} from '@aws-sdk/util-dynamodb';
import type { AttributeMap, AttributeValue, PlainItem } from '../item/attributeMap.js';
import type { ItemPage } from './itemPage.js';
import type { ItemUpdate } from './itemUpdate.js';
import type { QueryInput, SortKeyCondition } from './queryItems.js';
import type { ScanInput } from './scanItems.js';
import type { WriteCondition } from './writeCondition.js';
import type { BatchWriteRequest, TransactWriteAction, WriteOptions } from './writeRequests.js';
import type { WriteResult } from './writeResult.js';

/** How plain values become DynamoDB JSON and back, as in the DocumentClient's translateConfig. */
export interface DocumentOptions {
  /** Default `{ removeUndefinedValues: true }`. */
  readonly marshallOptions?: marshallOptions;
  readonly unmarshallOptions?: unmarshallOptions;
}

type PlainValues = Readonly<Record<string, unknown>> | undefined;

/** Translates the plain-value (document) forms of table requests and results to DynamoDB JSON. */
export class DocumentConversion {
  private readonly marshallOptions: marshallOptions;
  private readonly unmarshallOptions: unmarshallOptions | undefined;

  constructor(options: DocumentOptions = {}) {
    this.marshallOptions = options.marshallOptions ?? { removeUndefinedValues: true };
    this.unmarshallOptions = options.unmarshallOptions;
  }

  /** A plain item or key as DynamoDB JSON. */
  item(plain: PlainItem): AttributeMap {
    return marshall(plain, this.marshallOptions) as AttributeMap;
  }

  /** One plain value as an AttributeValue. */
  value(plain: unknown): AttributeValue {
    return convertToAttr(plain, this.marshallOptions) as AttributeValue;
  }

  /** A DynamoDB JSON item as plain values. */
  plain(item: AttributeMap): PlainItem;
  plain(item: AttributeMap | undefined): PlainItem | undefined;
  plain(item: AttributeMap | undefined): PlainItem | undefined {
    return item === undefined ? undefined : unmarshall(item, this.unmarshallOptions);
  }

  private values(plain: PlainValues): AttributeMap | undefined {
    return plain === undefined
      ? undefined
      : (Object.fromEntries(
          Object.entries(plain).map(([k, v]) => [k, this.value(v)]),
        ) as AttributeMap);
  }

  /** A condition over plain values. */
  condition(condition: WriteCondition<unknown, PlainItem>): WriteCondition {
    switch (condition.type) {
      case 'attributesEqual':
        return {
          type: 'attributesEqual',
          attributes: this.values(condition.attributes) as AttributeMap,
        };
      case 'matches':
        return { type: 'matches', test: (item) => condition.test(this.plain(item)) };
      default:
        return condition;
    }
  }

  /** Write options over plain values. */
  options(options: WriteOptions<unknown, PlainItem>): WriteOptions {
    const { condition } = options;
    // Without a condition nothing holds a plain value: pass the options through untouched.
    if (condition === undefined) return options as WriteOptions;
    return { ...options, condition: this.condition(condition) };
  }

  /** An update over plain values: action values marshalled, or the function wrapped. */
  update(update: ItemUpdate<unknown, PlainItem>): ItemUpdate {
    if (typeof update === 'function') return (current) => this.item(update(this.plain(current)));
    return {
      ...(update.set ? { set: this.values(update.set) } : {}),
      ...(update.remove ? { remove: update.remove } : {}),
      ...(update.add ? { add: this.values(update.add) } : {}),
      ...(update.delete ? { delete: this.values(update.delete) } : {}),
    };
  }

  /** A transaction action over plain values. */
  action(action: TransactWriteAction<unknown, PlainItem>): TransactWriteAction {
    const options = this.options(action as WriteOptions<unknown, PlainItem>);
    switch (action.type) {
      case 'put':
        return { ...options, type: 'put', item: this.item(action.item) };
      case 'update':
        return {
          ...options,
          type: 'update',
          key: this.item(action.key),
          update: this.update(action.update),
        };
      case 'delete':
        return { ...options, type: 'delete', key: this.item(action.key) };
      case 'conditionCheck':
        return {
          ...options,
          type: 'conditionCheck',
          key: this.item(action.key),
          condition: this.condition(action.condition),
        };
    }
  }

  /** A batch request over plain values. */
  batchRequest(request: BatchWriteRequest<PlainItem>): BatchWriteRequest {
    return request.type === 'put'
      ? { type: 'put', item: this.item(request.item) }
      : { type: 'delete', key: this.item(request.key) };
  }

  /** A query over plain values. */
  query(input: QueryInput<unknown>): QueryInput {
    const { partitionKey, sortKey, exclusiveStartKey, ...rest } = input;
    return {
      ...rest,
      partitionKey: this.value(partitionKey),
      ...(sortKey ? { sortKey: this.sortKey(sortKey) } : {}),
      ...(exclusiveStartKey ? { exclusiveStartKey: this.values(exclusiveStartKey) } : {}),
    };
  }

  private sortKey(condition: SortKeyCondition<unknown>): SortKeyCondition {
    switch (condition.type) {
      case 'between':
        return {
          type: 'between',
          low: this.value(condition.low),
          high: this.value(condition.high),
        };
      case 'beginsWith':
        return { type: 'beginsWith', prefix: this.value(condition.prefix) };
      default:
        return { type: condition.type, value: this.value(condition.value) };
    }
  }

  /** A scan over plain values. */
  scan(input: ScanInput<unknown>): ScanInput {
    const { exclusiveStartKey, ...rest } = input;
    return exclusiveStartKey
      ? { ...rest, exclusiveStartKey: this.values(exclusiveStartKey) }
      : rest;
  }

  /** A page with plain items. */
  page(page: ItemPage): ItemPage<PlainItem> {
    return {
      items: page.items.map((item) => this.plain(item)),
      ...(page.lastEvaluatedKey ? { lastEvaluatedKey: this.plain(page.lastEvaluatedKey) } : {}),
    };
  }

  /** A write result whose items are unmarshalled only when read. */
  result(result: WriteResult): WriteResult<PlainItem> {
    return new PlainWriteResult(result, this);
  }
}

/** A write result in plain values, unmarshalling its items only if someone reads them. */
class PlainWriteResult implements WriteResult<PlainItem> {
  constructor(
    private readonly raw: WriteResult,
    private readonly conversion: DocumentConversion,
  ) {}

  get eventName() {
    return this.raw.eventName;
  }

  get record() {
    return this.raw.record;
  }

  get oldItem(): PlainItem | undefined {
    return this.conversion.plain(this.raw.oldItem);
  }

  get newItem(): PlainItem | undefined {
    return this.conversion.plain(this.raw.newItem);
  }
}
