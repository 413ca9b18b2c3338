import { fileURLToPath } from 'node:url';
import { recommendedEventSourceMapping } from '@sluice/projections/lambda';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { acknowledgedRules } from './acknowledgedRules.js';
import { SluiceProjections } from './sluiceProjections.js';
import { streamSourceTable } from './streamSourceTable.js';
import {
  archivedTable,
  historyTable,
  tombstonesTable,
  toyProjections,
} from './testSupport/toyProjections.js';

// One synthesis for the file: bundling runs the local esbuild once.
const app = new App();
const stack = new Stack(app, 'Toy');
const source = streamSourceTable(stack, 'Source', {
  tableName: 'source',
  partitionKey: { name: 'id', type: 'S' },
  streamViewType: 'NEW_AND_OLD_IMAGES',
  timeToLiveAttribute: 'expires',
});
const projections = new SluiceProjections(stack, 'Projections', {
  source,
  projections: toyProjections,
  tables: [historyTable, archivedTable, tombstonesTable],
  entry: fileURLToPath(new URL('./testSupport/handler.ts', import.meta.url)),
});
const template = Template.fromStack(stack);
const id = (construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as never);
const tableId = (name: string) => id(projections.tables[name]!);
type Statement = { Action: string | string[]; Resource: unknown };
const statements = (): Statement[] => {
  const role = template.findResources('AWS::IAM::Role')[id(projections.role)] as {
    Properties: { Policies: { PolicyDocument: { Statement: Statement[] } }[] };
  };
  return role.Properties.Policies.flatMap((p) => p.PolicyDocument.Statement);
};

describe('SluiceProjections', () => {
  it('maps the one stream with the handler’s settings, the projections’ filters and the on-failure queue', () => {
    const { DestinationConfig: _, ...settings } = recommendedEventSourceMapping(undefined);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      ...settings,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: -1,
      EventSourceArn: { 'Fn::GetAtt': [id(source), 'StreamArn'] },
      FunctionName: { Ref: id(projections.function) },
      FilterCriteria: {
        Filters: [
          { Pattern: JSON.stringify({ eventName: ['INSERT', 'MODIFY'] }) },
          { Pattern: Match.stringLikeRegexp('"principalId":\\["dynamodb.amazonaws.com"\\]') },
        ],
      },
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [id(projections.onFailureQueue), 'Arn'] } },
      },
    });
  });

  it('creates each table with the keys the store writes and TTL where the spec has one', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'entityId', KeyType: 'HASH' },
        { AttributeName: 'change', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    });
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: 'tombstoneId', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'projection', KeyType: 'HASH' },
        { AttributeName: 'letterId', KeyType: 'RANGE' },
      ],
    });
    // Source, three projection tables, dead letters.
    template.resourceCountIs('AWS::DynamoDB::Table', 5);
  });

  it('gives the function every table’s deployed name under the variable deployedTableNames reads', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: {
          HISTORY_TABLE: { Ref: tableId('history') },
          ARCHIVED_TABLE: { Ref: tableId('archived') },
          TOMBSTONES_TABLE: { Ref: tableId('tombstones') },
          DEAD_LETTERS_TABLE: { Ref: tableId('deadLetters') },
          POWERTOOLS_METRICS_NAMESPACE: 'Sluice',
        },
      },
    });
  });

  it('grants exactly what the function uses, each on its one resource, nothing on `*`', () => {
    const byResource = new Map(
      statements().map((s) => [JSON.stringify(s.Resource), [s.Action].flat()]),
    );
    const arn = (logicalId: string, attribute = 'Arn') =>
      JSON.stringify({ 'Fn::GetAtt': [logicalId, attribute] });
    expect(byResource.get(arn(id(source), 'StreamArn'))).toEqual([
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
    ]);
    for (const name of ['history', 'archived', 'tombstones'])
      expect(byResource.get(arn(tableId(name)))).toContain('dynamodb:BatchWriteItem');
    expect(byResource.get(arn(tableId('deadLetters')))).toEqual(['dynamodb:PutItem']);
    expect(byResource.get(arn(id(projections.onFailureQueue)))).toEqual(['sqs:SendMessage']);
    expect(byResource.size).toBe(statements().length);
    expect(statements().filter((s) => JSON.stringify(s.Resource).includes('"*"'))).toEqual([]);
    // No other policy, no managed policy (AWSLambdaBasicExecutionRole's logs rights are on `*`).
    template.resourceCountIs('AWS::IAM::Policy', 0);
    template.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
  });

  it('alarms on iterator age, function errors, the on-failure queue and dead letters written', () => {
    const alarm = (metric: Record<string, unknown>, threshold: number) =>
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        ...metric,
        Threshold: threshold,
        ComparisonOperator: 'GreaterThanThreshold',
      });
    alarm({ Namespace: 'AWS/Lambda', MetricName: 'IteratorAge', Statistic: 'Maximum' }, 60_000);
    alarm({ Namespace: 'AWS/Lambda', MetricName: 'Errors', Statistic: 'Sum' }, 0);
    alarm({ Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible' }, 0);
    alarm(
      {
        Namespace: 'Sluice',
        MetricName: 'DeadLettersWritten',
        Dimensions: [
          { Name: 'Runner', Value: 'lambda' },
          { Name: 'Service', Value: { Ref: id(projections.function) } },
        ],
      },
      0,
    );
    template.resourceCountIs('AWS::CloudWatch::Alarm', 4);
  });

  it('passes the cdk-nag AwsSolutions checks, with a reason for each acknowledged rule', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
    const acknowledged = acknowledgedRules(stack);
    expect(acknowledged.map((rule) => rule.id).sort()).toEqual([
      'AwsSolutions-L1',
      'AwsSolutions-SQS3',
    ]);
    for (const rule of acknowledged) expect(rule.reason.length).toBeGreaterThan(40);
  });
});
