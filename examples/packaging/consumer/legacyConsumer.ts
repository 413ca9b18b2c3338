// Type-checked with `moduleResolution: node10` (old CommonJS projects): `main`/`types` must do for
// the roots, `typesVersions` for the subpaths.
import { itemKeyOf, type SequenceNumber } from '@sluice/core';
import * as projections from '@sluice/projections';
import type { TableSpec } from '@sluice/projections/dynamodb';
import { type LambdaHandlerOptions, lambdaHandler } from '@sluice/projections/lambda';
import * as testing from '@sluice/testing';

export const key: string = itemKeyOf({ id: { S: '1' } });
export const unset: SequenceNumber | undefined = undefined;
export const loaded: readonly object[] = [projections, testing];
export const spec: TableSpec = { tableName: 'rows', partitionKey: { name: 'pk', type: 'S' } };
export const handlerOf = (options: LambdaHandlerOptions) => lambdaHandler(options);
