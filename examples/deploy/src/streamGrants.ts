import { type IamStatement, iamStatements } from './iamStatements.js';

/** A stack's IAM statements sorted by what an example's test checks: its stream, and any `*`. */
export interface StreamGrants {
  /** The statements whose resource is the source table's stream ARN. */
  readonly onStream: IamStatement[];
  /** The statements whose resource is `*` itself. */
  readonly onStar: IamStatement[];
  /** The statements whose resource holds a `*` anywhere, a wildcard ARN as well. */
  readonly withWildcard: IamStatement[];
}

/**
 * The grants of a synthesized template, given its source table's logical id; the CDK lookup of
 * that id stays in each example's test, so this package needs no aws-cdk-lib.
 */
export const streamGrants = (
  template: { readonly Resources?: unknown },
  sourceTableLogicalId: string,
): StreamGrants => {
  const statements = iamStatements(template);
  const resourceOf = (s: IamStatement): string => JSON.stringify(s.Resource);
  const streamArn = JSON.stringify({ 'Fn::GetAtt': [sourceTableLogicalId, 'StreamArn'] });
  return {
    onStream: statements.filter((s) => resourceOf(s) === streamArn),
    onStar: statements.filter((s) => resourceOf(s).includes('"*"')),
    withWildcard: statements.filter((s) => resourceOf(s).includes('*')),
  };
};
