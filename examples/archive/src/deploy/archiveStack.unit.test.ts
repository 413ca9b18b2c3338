import { acknowledgedRules } from '@sluice/cdk';
import { deployedShape, streamGrants } from '@sluice/example-deploy';
import { STREAM_READ_ACTIONS } from '@sluice/projections/deploy';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { ArchiveStack } from './archiveStack.js';
import { archiveTemplate } from './archiveTemplate.js';

// One synthesis for the file (the handler is bundled with the local esbuild, no Docker).
const stack = new ArchiveStack(new App(), 'SluiceArchive');
const template = Template.fromStack(stack).toJSON();
const sourceTable =
  stack.projections.node.scope!.node.findChild('TodoListTaskTable').node.defaultChild;
const grants = streamGrants(template, stack.getLogicalId(sourceTable as never));

describe('the archive CDK stack', () => {
  it('deploys the tables, mapping, table rights and alarms of the SAM template', () => {
    expect(deployedShape(template)).toEqual(deployedShape(archiveTemplate()));
  });

  it('reads only its one stream and grants nothing on `*`', () => {
    expect(grants.onStream).toEqual([
      expect.objectContaining({ Action: [...STREAM_READ_ACTIONS] }),
    ]);
    expect(grants.onStar).toEqual([]);
    expect(grants.withWildcard).toEqual([]);
  });

  it('passes cdk-nag’s AwsSolutions checks; each acknowledged rule says why', () => {
    expect(new AwsSolutionsChecks().validateScope(stack).violations).toEqual([]);
    for (const rule of acknowledgedRules(stack)) expect(rule.reason.length).toBeGreaterThan(40);
  });
});
