import { defineEffects, idempotencyTableSpec } from '@sluice/projections/effects';
import { OrderLineCodec, OrderLineKeyCodec } from '../orderLine.js';

/** What the mailer is asked to send: the customer of the order hears that a line shipped. */
export interface ShippedEmail {
  readonly orderId: string;
  readonly lineId: string;
  readonly quantity: number;
}

/** Which effects were performed: one item per effect, DONE or IN_PROGRESS, TTL'd. */
export const orderEffectsTable = idempotencyTableSpec('orderEffects');

/** One e-mail each time an order line becomes `shipped` (a redelivered change sends nothing more). */
export const shippedEmails = defineEffects({
  name: 'shippedEmails',
  item: OrderLineCodec,
  keys: OrderLineKeyCodec,
  viewType: 'NEW_AND_OLD_IMAGES',
  plan: (event) => {
    if (event.eventName === 'REMOVE' || event.newImage.status !== 'shipped') return [];
    if (event.eventName === 'MODIFY' && event.oldImage.status === 'shipped') return [];
    const { orderId, lineId, quantity } = event.newImage;
    return [
      { kind: 'shippedEmail', payload: { orderId, lineId, quantity } satisfies ShippedEmail },
    ];
  },
});
