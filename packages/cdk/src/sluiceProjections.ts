import type { Projection } from '@sluice/projections';
import {
  METRICS_NAMESPACE,
  type ProjectionStackSpec,
  projectionStackSpec,
} from '@sluice/projections/deploy';
import type { TableSpec } from '@sluice/projections/dynamodb';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable, Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyDocument, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, CfnEventSourceMapping, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { mappingProperties } from './mappingProperties.js';
import { roleStatements } from './roleStatements.js';
import { type StreamAlarms, streamAlarms } from './streamAlarms.js';
import { tableOf } from './tableOf.js';
import { treeShakingBundling } from './treeShakingBundling.js';

/** What `SluiceProjections` is built from: the handler's projections and the tables they write. */
export interface SluiceProjectionsProps {
  /** The table whose stream feeds the projections (it must have a stream). */
  readonly source: ITable;
  /** The projections the handler runs: their filters become the mapping's `FilterCriteria`. */
  readonly projections: readonly Projection[];
  /** Every table the projections write (targets, markers, tombstones), with the keys the store uses. */
  readonly tables: readonly TableSpec[];
  /** Where poison records go (default `deadLetterTableSpec('deadLetters')`: `DEAD_LETTERS_TABLE`). */
  readonly deadLetters?: TableSpec;
  /** The handler module, bundled with esbuild (locally; no Docker). */
  readonly entry: string;
  /** The exported handler (default `handler`). */
  readonly handler?: string;
  /** How far behind the stream may run before the iterator-age alarm fires (default 1 minute). */
  readonly maxIteratorAge?: Duration;
  /** Anything else about the function (memory, timeout, bundling, project root). */
  readonly functionProps?: Omit<NodejsFunctionProps, 'entry' | 'handler' | 'role' | 'logGroup'>;
}

const capitalized = (name: string): string => `${name.charAt(0).toUpperCase()}${name.slice(1)}`;

/**
 * The projections of one stream, deployed: their tables with the keys the store writes, the
 * function bundled from `entry` with the tables' deployed names in its environment, the event
 * source mapping the handler recommends (on-failure queue included), the alarms of a stream
 * consumer, and a role that grants exactly what the function uses.
 */
export class SluiceProjections extends Construct {
  /** The tables written, by their name in the projections (the dead-letter table included). */
  readonly tables: Readonly<Record<string, Table>>;
  readonly deadLetters: Table;
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly onFailureQueue: Queue;
  readonly mapping: CfnEventSourceMapping;
  readonly alarms: StreamAlarms;
  /** The plain description the construct was built from (shared with the SAM templates). */
  readonly spec: ProjectionStackSpec;

  constructor(scope: Construct, id: string, props: SluiceProjectionsProps) {
    super(scope, id);
    const streamArn = props.source.tableStreamArn;
    if (streamArn === undefined)
      throw new Error('SluiceProjections: the source table has no stream (set `stream`)');
    this.spec = projectionStackSpec({
      projections: props.projections,
      tables: props.tables,
      ...(props.deadLetters === undefined ? {} : { deadLetters: props.deadLetters }),
    });
    const tables: Record<string, Table> = {};
    for (const t of this.spec.written)
      tables[t.spec.tableName] = tableOf(this, `${capitalized(t.spec.tableName)}Table`, t.spec, {
        ...(t.timeToLiveAttribute === undefined
          ? {}
          : { timeToLiveAttribute: t.timeToLiveAttribute }),
      });
    this.tables = tables;
    this.deadLetters = tables[this.spec.deadLetters.tableName]!;

    this.onFailureQueue = new Queue(this, 'OnFailure', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    Validations.of(this.onFailureQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter destination of the event source mapping; its messages are batch positions that sluice-recover reads.',
    });
    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Sluice projections: read one stream, write the projection tables.',
      inlinePolicies: {
        Projections: new PolicyDocument({
          statements: roleStatements(this.spec.permissions, {
            tableArn: (name) => tables[name]!.tableArn,
            streamArn,
            queueArn: this.onFailureQueue.queueArn,
            logGroupArn: logGroup.logGroupArn,
          }),
        }),
      },
    });
    this.function = this.bundledFunction(props, logGroup);
    this.mapping = new CfnEventSourceMapping(
      this,
      'StreamMapping',
      mappingProperties(this.spec.mapping, {
        functionName: this.function.functionName,
        streamArn,
        onFailureArn: this.onFailureQueue.queueArn,
      }),
    );
    this.alarms = streamAlarms(
      this,
      this.function,
      this.onFailureQueue,
      props.maxIteratorAge ?? Duration.minutes(1),
    );
  }

  /** Every alarm, to give them all one action (`alarm.addAlarmAction(...)`). */
  get allAlarms(): readonly Alarm[] {
    return Object.values(this.alarms);
  }

  private bundledFunction(props: SluiceProjectionsProps, logGroup: LogGroup): NodejsFunction {
    const { functionProps = {} } = props;
    const fn = new NodejsFunction(this, 'Function', {
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(60),
      ...functionProps,
      entry: props.entry,
      handler: props.handler ?? 'handler',
      role: this.role,
      logGroup,
      environment: {
        ...functionProps.environment,
        ...Object.fromEntries(
          this.spec.written.map((t) => [t.variable, this.tables[t.spec.tableName]!.tableName]),
        ),
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
      },
      bundling: {
        target: 'es2022',
        sourceMap: true,
        externalModules: ['@aws-sdk/*'],
        ...treeShakingBundling(props.entry),
        ...functionProps.bundling,
        // Bundle with the local esbuild: workspace packages resolve, and no Docker is needed.
        forceDockerBundling: false,
      },
    });
    Validations.of(fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x by default: the runtime the SAM templates deploy, so both routes run the same code alike; choose another with functionProps.runtime.',
    });
    return fn;
  }
}
