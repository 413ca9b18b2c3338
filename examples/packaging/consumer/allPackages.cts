// A strict CommonJS consumer that loads every published package, compiled with tsc, then run.
import { strict as assert } from 'node:assert';
import * as core from '@sluice/core';
import * as projections from '@sluice/projections';
import * as testing from '@sluice/testing';

for (const loaded of [core, projections, testing]) assert.ok(Object.keys(loaded).length > 0);
console.log('all packages (CommonJS) ok');
