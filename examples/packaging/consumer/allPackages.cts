// A strict CommonJS consumer that loads every published package and every entry point of
// @sluice/projections, compiled with tsc, then run.
import { strict as assert } from 'node:assert';
import * as core from '@sluice/core';
import * as projections from '@sluice/projections';
import * as backfill from '@sluice/projections/backfill';
import * as deploy from '@sluice/projections/deploy';
import * as dynamodb from '@sluice/projections/dynamodb';
import * as effects from '@sluice/projections/effects';
import * as lambda from '@sluice/projections/lambda';
import * as poller from '@sluice/projections/poller';
import * as recovery from '@sluice/projections/recovery';
import * as telemetry from '@sluice/projections/telemetry';
import * as testing from '@sluice/testing';

const entryPoints = [backfill, deploy, dynamodb, effects, lambda, poller, recovery, telemetry];
for (const loaded of [core, projections, ...entryPoints, testing]) {
  assert.ok(Object.keys(loaded).length > 0);
}
assert.equal(typeof lambda.lambdaHandler, 'function');
console.log('all packages (CommonJS) ok');
