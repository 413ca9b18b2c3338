// `pnpm --filter @sluice/example-orders run synth` (or `cdk synth` here): the CloudFormation
// template in cdk.out, bundled locally with esbuild; no AWS account is contacted.
import { App } from 'aws-cdk-lib';
import { OrdersStack } from './ordersStack.js';

const app = new App({ outdir: process.env.CDK_OUTDIR ?? 'cdk.out' });
new OrdersStack(app, 'SluiceOrders');
app.synth();
