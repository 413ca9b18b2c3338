/** What a plan asks for: one side effect of one change (send this e-mail, call that API). */
export interface EffectRequest<P = unknown> {
  /** What to do, e.g. `shippedEmail`: part of the idempotency key, and how `perform` dispatches. */
  readonly kind: string;
  /** Everything `perform` needs; a pure function of the change, so a replay asks for the same. */
  readonly payload: P;
  /** Tells apart two effects of one kind from one change (e.g. one e-mail per recipient). */
  readonly id?: string;
}

/**
 * An effect as the runner performs it: the request and its idempotency key, derived from the change
 * (`<projection>@<version>|<item key>|<sequence number>|<kind>[|<id>]`): the same on every
 * redelivery of the change, different for every other change.
 */
export interface PlannedEffect<P = unknown> extends EffectRequest<P> {
  readonly idempotencyKey: string;
  /** The change that asked for it. */
  readonly eventId: string;
  readonly sequenceNumber: string;
}
