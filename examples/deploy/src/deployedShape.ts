type Json = Record<string, unknown>;
type Resource = { Type: string; Properties: Json };

/**
 * What a template deploys, in the terms the SAM and CDK routes share: the tables (by the variable
 * naming them to the function) with their keys and TTL, the source's keys and stream, the mapping
 * settings, the rights on each table, the on-failure destination's type and the alarms' metrics.
 * Logical ids and the routes' own wiring (SAM's events, CDK's role) are left out.
 */
export interface DeployedShape {
  readonly source: Json;
  readonly tables: Record<string, Json>;
  readonly mapping: Json;
  readonly tableRights: Record<string, string[]>;
  readonly onFailure: string | undefined;
  readonly alarms: string[];
}

const firstOfType = (resources: Record<string, Resource>, type: string) =>
  Object.entries(resources).find(([, r]) => r.Type === type);

const idIn = (value: unknown): string | undefined => {
  const v = value as { Ref?: string; 'Fn::GetAtt'?: [string, string] } | undefined;
  return v?.Ref ?? v?.['Fn::GetAtt']?.[0];
};

const tableShape = (table: Resource | undefined): Json => {
  const p = table?.Properties ?? {};
  return {
    KeySchema: p.KeySchema,
    AttributeDefinitions: p.AttributeDefinitions,
    TimeToLiveSpecification: p.TimeToLiveSpecification,
    StreamSpecification: p.StreamSpecification,
  };
};

type Statement = { Action: string | string[]; Resource: unknown };

/** The function, its mapping's properties and its statements, wherever the route puts them. */
const wiring = (resources: Record<string, Resource>) => {
  const sam = firstOfType(resources, 'AWS::Serverless::Function');
  if (sam !== undefined) {
    const props = sam[1].Properties;
    const events = Object.values(props.Events as Record<string, { Properties: Json }>);
    const { Stream, DestinationConfig, ...mapping } = events[0]!.Properties;
    const policies = props.Policies as { Statement?: Statement[] }[];
    return {
      fn: props,
      source: idIn(Stream),
      mapping,
      DestinationConfig,
      statements: policies.flatMap((p) => p.Statement ?? []),
    };
  }
  const fn = firstOfType(resources, 'AWS::Lambda::Function')![1].Properties;
  const esm = firstOfType(resources, 'AWS::Lambda::EventSourceMapping')![1].Properties;
  const { EventSourceArn, FunctionName: _, DestinationConfig, ...mapping } = esm;
  const role = resources[idIn(fn.Role)!]!.Properties as {
    Policies: { PolicyDocument: { Statement: Statement[] } }[];
  };
  const statements = role.Policies.flatMap((p) => p.PolicyDocument.Statement);
  return { fn, source: idIn(EventSourceArn), mapping, DestinationConfig, statements };
};

/** The shape of a SAM or CDK template of a Sluice projection stack (see `DeployedShape`). */
export const deployedShape = (template: unknown): DeployedShape => {
  const resources = (template as { Resources: Record<string, Resource> }).Resources;
  const { fn, source, mapping, DestinationConfig, statements } = wiring(resources);
  const variables = (fn.Environment as { Variables: Record<string, unknown> }).Variables;
  const tableVariables = Object.entries(variables).flatMap(([name, value]) => {
    const id = idIn(value);
    return id !== undefined && resources[id]?.Type === 'AWS::DynamoDB::Table'
      ? [[name, id] as const]
      : [];
  });
  const rights = (id: string) =>
    statements
      .filter((s) => idIn(s.Resource) === id && JSON.stringify(s.Resource).includes('"Arn"'))
      .flatMap((s) => [s.Action].flat())
      .sort();
  const onFailure = (DestinationConfig as { OnFailure?: { Destination?: unknown } } | undefined)
    ?.OnFailure?.Destination;
  return {
    source: tableShape(resources[source!]),
    tables: Object.fromEntries(
      tableVariables.map(([name, id]) => [name, tableShape(resources[id])]),
    ),
    mapping,
    tableRights: Object.fromEntries(tableVariables.map(([name, id]) => [name, rights(id)])),
    onFailure: resources[idIn(onFailure) ?? '']?.Type,
    alarms: Object.values(resources)
      .filter((r) => r.Type === 'AWS::CloudWatch::Alarm')
      .map((r) => `${r.Properties.Namespace}/${r.Properties.MetricName}`)
      .sort(),
  };
};
