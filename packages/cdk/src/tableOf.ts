import type { KeyAttribute, TableSpec } from '@sluice/projections/dynamodb';
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, type StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';

const attributeType = { S: AttributeType.STRING, N: AttributeType.NUMBER, B: AttributeType.BINARY };

const attribute = (key: KeyAttribute) => ({ name: key.name, type: attributeType[key.type] });

/** How a table is deployed beyond its keys. */
export interface TableOptions {
  readonly timeToLiveAttribute?: string;
  readonly stream?: StreamViewType;
}

/**
 * A table with the spec's keys, billed on demand, with point-in-time recovery (derived rows are
 * rebuildable, but a rebuild replays at most the stream's 24 hours) and kept when the stack goes.
 * No `tableName`: CloudFormation generates one and the function reads it from its environment.
 */
export const tableOf = (
  scope: Construct,
  id: string,
  spec: TableSpec,
  options: TableOptions = {},
): Table =>
  new Table(scope, id, {
    partitionKey: attribute(spec.partitionKey),
    ...(spec.sortKey === undefined ? {} : { sortKey: attribute(spec.sortKey) }),
    billingMode: BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    removalPolicy: RemovalPolicy.RETAIN,
    ...(options.timeToLiveAttribute === undefined
      ? {}
      : { timeToLiveAttribute: options.timeToLiveAttribute }),
    ...(options.stream === undefined ? {} : { stream: options.stream }),
  });
