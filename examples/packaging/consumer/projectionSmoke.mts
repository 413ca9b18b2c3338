// A projection test as a user writes one: @sluice/testing drives @sluice/projections, from the
// published packages only. Compiled with tsc (strict, nodenext), then run with node.
import { strict as assert } from 'node:assert';
import { putRow } from '@sluice/projections';
import * as testing from '@sluice/testing';

const write = putRow('orderHistory', { pk: 'order#1', sk: '1' }, { pk: 'order#1', status: 'NEW' });
assert.equal(write._tag, 'PutRow');
assert.ok(Object.keys(testing).length > 0);
console.log('projection smoke ok');
