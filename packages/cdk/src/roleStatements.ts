import type { Permission } from '@sluice/projections/deploy';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';

/** The ARNs the spec's permissions name, once the stack has made the resources. */
export interface PermissionTargets {
  readonly tableArn: (tableName: string) => string;
  readonly streamArn: string;
  readonly queueArn: string;
  readonly logGroupArn: string;
}

const arnOf = (permission: Permission, targets: PermissionTargets): string => {
  const { resource } = permission;
  switch (resource._tag) {
    case 'Table':
      return targets.tableArn(resource.tableName);
    case 'SourceStream':
      return targets.streamArn;
    case 'OnFailureQueue':
      return targets.queueArn;
  }
};

/**
 * The function role's statements: one per permission of the spec, on exactly its resource (no
 * index ARNs, no `*`), and writing to its own log group, which replaces the wildcard
 * `AWSLambdaBasicExecutionRole` a function gets by default.
 */
export const roleStatements = (
  permissions: readonly Permission[],
  targets: PermissionTargets,
): PolicyStatement[] => [
  ...permissions.map(
    (permission) =>
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: [...permission.actions],
        resources: [arnOf(permission, targets)],
      }),
  ),
  new PolicyStatement({
    effect: Effect.ALLOW,
    actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    resources: [targets.logGroupArn],
  }),
];
