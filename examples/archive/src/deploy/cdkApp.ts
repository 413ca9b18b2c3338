// `pnpm --filter @sluice/example-archive run synth` (or `cdk synth` here): the CloudFormation
// template in cdk.out, bundled locally with esbuild; no AWS account is contacted.
import { App } from 'aws-cdk-lib';
import { ArchiveStack } from './archiveStack.js';

const app = new App({ outdir: process.env.CDK_OUTDIR ?? 'cdk.out' });
new ArchiveStack(app, 'SluiceArchive');
app.synth();
