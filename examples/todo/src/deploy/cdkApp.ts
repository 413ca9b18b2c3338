// `pnpm --filter @sluice/example-todo run synth` (or `cdk synth` here): the CloudFormation
// template in cdk.out, bundled locally with esbuild; no AWS account is contacted.
import { App } from 'aws-cdk-lib';
import { TodoStack } from './todoStack.js';

const app = new App({ outdir: process.env.CDK_OUTDIR ?? 'cdk.out' });
new TodoStack(app, 'SluiceTodo');
app.synth();
