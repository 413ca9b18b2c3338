/**
 * Side effects (emails, calls to other services) exactly once in effect: plans yield effects and an
 * idempotency table records which were performed. The DynamoDB idempotency store needs
 * `@aws-sdk/lib-dynamodb`.
 *
 * @module @sluice/projections/effects
 */
export {
  type DynamoDbIdempotencyStoreOptions,
  dynamoDbIdempotencyStore,
  idempotencyTableSpec,
} from '../effects/dynamoDbIdempotencyStore.js';
export type { EffectRequest, PlannedEffect } from '../effects/effect.js';
export {
  defineEffects,
  type EffectProjection,
  type EffectsDefinition,
} from '../effects/effectProjection.js';
export {
  type EffectsHandler,
  type EffectsHandlerOptions,
  effectsHandler,
} from '../effects/effectsHandler.js';
export type {
  ClaimTaken,
  IdempotencyRecord,
  IdempotencyStore,
  IdempotencyStoreFailed,
} from '../effects/idempotencyStore.js';
export { InMemoryIdempotencyStore } from '../effects/inMemoryIdempotencyStore.js';
export {
  type EffectFailure,
  type EffectSettings,
  type EffectsOutcome,
  type PerformEffect,
  performEffects,
} from '../effects/performEffects.js';
