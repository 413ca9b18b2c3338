import type {
  AttributeDefinition,
  BillingMode,
  KeySchemaElement,
  Projection,
  ProvisionedThroughput,
} from '@aws-sdk/client-dynamodb';
import type { Clock } from '@sluice/core';
import type { InMemoryStream, InMemoryStreamOptions } from '../stream/inMemoryStream.js';
import { InMemoryStreamsClient } from '../stream/inMemoryStreamsClient.js';
import { validationException } from '../table/dynamoDbErrors.js';
import type { InMemoryTable } from '../table/inMemoryTable.js';
import { tableNotFound } from './serviceErrors.js';
import { TransactionTokens } from './transactionTokens.js';

/** A secondary index as CreateTable defined it, kept to describe it back. */
export interface IndexDefinition {
  readonly IndexName: string;
  readonly KeySchema: KeySchemaElement[];
  readonly Projection: Projection;
  readonly ProvisionedThroughput?: ProvisionedThroughput;
}

/** One table of the service: its engine and what DescribeTable reports about it. */
export interface ServiceTable {
  readonly engine: InMemoryTable;
  readonly createdAt: Date;
  readonly attributeDefinitions: AttributeDefinition[];
  readonly keySchema: KeySchemaElement[];
  readonly billingMode: BillingMode;
  readonly provisionedThroughput: ProvisionedThroughput | undefined;
  readonly globalIndexes: IndexDefinition[];
  readonly localIndexes: IndexDefinition[];
  /** The most recent stream, still reported (and readable) after the stream is disabled. */
  latestStream: InMemoryStream | undefined;
}

/** Settings every table of the service shares. */
export interface ServiceSettings {
  readonly clock: Clock;
  readonly region: string;
  readonly accountId: string;
  readonly stream: InMemoryStreamOptions | undefined;
}

/** The service's tables and streams: what the operations read and change. */
export class ServiceState {
  readonly tables = new Map<string, ServiceTable>();
  /** Every stream ever created, readable through the Streams operations until the service goes. */
  readonly streams = new InMemoryStreamsClient();

  /** Recent TransactWriteItems tokens, for idempotent retries. */
  readonly transactionTokens: TransactionTokens;

  constructor(readonly settings: ServiceSettings) {
    this.transactionTokens = new TransactionTokens(settings.clock);
  }

  /** The table named `name`, or DynamoDB's ResourceNotFoundException. */
  table(name: unknown): ServiceTable {
    if (typeof name !== 'string' || name === '') {
      throw validationException(
        "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null",
      );
    }
    const table = this.tables.get(name);
    if (table === undefined) throw tableNotFound();
    return table;
  }
}
