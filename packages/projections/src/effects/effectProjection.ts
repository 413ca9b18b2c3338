import type { ChangeEvent, StreamViewType } from '@sluice/core';
import type * as t from 'io-ts';
import { isSnapshot } from '../backfill/snapshotRecord.js';
import { markerPrefix } from '../plan/markerScope.js';
import { checkIdentity } from '../projection/projection.js';
import type { EffectRequest, PlannedEffect } from './effect.js';

/** What `defineEffects` takes: like `defineProjection`, but the plan asks for effects, not rows. */
export interface EffectsDefinition<T, V extends StreamViewType, K, P> {
  /** Unique among the deployment's projections: the first part of every idempotency key. */
  readonly name: string;
  /** Bump to make every change's effects new again (they get new idempotency keys). */
  readonly version?: number;
  readonly item: t.Decoder<unknown, T>;
  readonly keys?: t.Decoder<unknown, K>;
  readonly viewType: V;
  /** Pure and synchronous: the effects one change asks for. Never performs them. */
  readonly plan: (event: ChangeEvent<T, V, K>) => readonly EffectRequest<P>[];
}

/** A projection whose plan yields effects; `effectsHandler` performs them once in effect. */
export interface EffectProjection<
  T = unknown,
  V extends StreamViewType = StreamViewType,
  K = unknown,
  P = unknown,
> {
  readonly name: string;
  readonly version: number;
  readonly item: t.Decoder<unknown, T>;
  readonly keys: t.Decoder<unknown, K> | undefined;
  readonly viewType: V;
  /** The effects of one change, with their idempotency keys; none for a backfill snapshot. */
  planEffects(event: ChangeEvent<T, V, K>): readonly PlannedEffect<P>[];
}

const NONE: readonly never[] = [];

/** Defines an effect projection. Throws on a malformed name or version (a programmer error). */
export const defineEffects = <
  T,
  V extends StreamViewType,
  K = Record<string, unknown>,
  P = unknown,
>(
  definition: EffectsDefinition<T, V, K, P>,
): EffectProjection<T, V, K, P> => {
  const { name } = definition;
  const version = definition.version ?? 1;
  checkIdentity('effect projection', name, version);
  const prefix = markerPrefix({ name, version });
  return {
    name,
    version,
    item: definition.item,
    keys: definition.keys,
    viewType: definition.viewType,
    planEffects: (event) => {
      // A snapshot is the table as it is, not something that happened: it notifies nobody.
      if (isSnapshot(event)) return NONE;
      const change = `${prefix}${event.itemKey}|${event.sequenceNumber}|`;
      return definition.plan(event).map((request) => ({
        ...request,
        idempotencyKey: `${change}${request.kind}${request.id === undefined ? '' : `|${request.id}`}`,
        eventId: event.eventId,
        sequenceNumber: event.sequenceNumber,
      }));
    },
  };
};
