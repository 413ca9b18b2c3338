// Type-checked with `moduleResolution: node10` (old CommonJS projects): `main`/`types` must do.
import { itemKeyOf, type SequenceNumber } from '@sluice/core';
import * as projections from '@sluice/projections';
import * as testing from '@sluice/testing';

export const key: string = itemKeyOf({ id: { S: '1' } });
export const unset: SequenceNumber | undefined = undefined;
export const loaded: readonly object[] = [projections, testing];
