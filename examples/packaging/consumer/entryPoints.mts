// A strict ESM consumer (nodenext) of every entry point of @sluice/projections, one name from each,
// compiled with tsc, then run: each subpath resolves to its types and its code.
import { strict as assert } from 'node:assert';
import { defineProjection } from '@sluice/projections';
import { backfill, rebuild } from '@sluice/projections/backfill';
import { projectionStackSpec } from '@sluice/projections/deploy';
import { dynamoDbProjectionStore, type TableSpec } from '@sluice/projections/dynamodb';
import { defineEffects } from '@sluice/projections/effects';
import { lambdaHandler } from '@sluice/projections/lambda';
import { streamPoller } from '@sluice/projections/poller';
import { redrive } from '@sluice/projections/recovery';
import { emfMetrics } from '@sluice/projections/telemetry';

const spec: TableSpec = { tableName: 'rows', partitionKey: { name: 'pk', type: 'S' } };
for (const loaded of [
  defineProjection,
  backfill,
  rebuild,
  projectionStackSpec,
  dynamoDbProjectionStore,
  defineEffects,
  lambdaHandler,
  streamPoller,
  redrive,
  emfMetrics,
]) {
  assert.equal(typeof loaded, 'function');
}
console.log(`entry points (ESM) ok: ${spec.tableName}`);
