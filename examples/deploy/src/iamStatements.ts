/** One IAM statement of a synthesized template: its actions and resource(s). */
export interface IamStatement {
  readonly Action: string | string[];
  readonly Resource: unknown;
}

interface Resource {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
}

/**
 * Every IAM statement a template grants, from roles' inline policies and policy resources alike,
 * so a test can check each one's resource (the examples' stacks grant nothing on `*`).
 */
export const iamStatements = (template: { readonly Resources?: unknown }): IamStatement[] =>
  Object.values((template.Resources ?? {}) as Record<string, Resource>).flatMap((r) => {
    if (r.Type !== 'AWS::IAM::Role' && r.Type !== 'AWS::IAM::Policy') return [];
    const { Policies = [], PolicyDocument } = r.Properties as {
      Policies?: { PolicyDocument: { Statement: IamStatement[] } }[];
      PolicyDocument?: { Statement: IamStatement[] };
    };
    return [
      ...Policies.map((p) => p.PolicyDocument),
      ...(PolicyDocument ? [PolicyDocument] : []),
    ].flatMap((d) => d.Statement);
  });
