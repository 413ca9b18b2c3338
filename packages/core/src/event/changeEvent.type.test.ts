import { describe, expectTypeOf, it } from 'vitest';
import type { ItemKey } from '../identity/itemKey.js';
import type { SequenceNumber } from '../sequence/sequenceNumber.js';
import type {
  ChangeEvent,
  EventName,
  InsertEvent,
  ModifyEvent,
  RemovalCause,
  RemoveEvent,
} from './changeEvent.js';

interface Order {
  readonly id: string;
  readonly total: number;
}
interface OrderKey {
  readonly id: string;
}

type Both = ChangeEvent<Order, 'NEW_AND_OLD_IMAGES', OrderKey>;
type KeysOnly = ChangeEvent<Order, 'KEYS_ONLY', OrderKey>;
type NewOnly = ChangeEvent<Order, 'NEW_IMAGE', OrderKey>;
type OldOnly = ChangeEvent<Order, 'OLD_IMAGE', OrderKey>;
type AnyView = ChangeEvent<Order>;

// Each check is a function tsc verifies; it never runs, so no event value is needed.
const typeChecks = (check: (...events: never[]) => void) => expectTypeOf(check).toBeFunction();

describe('ChangeEvent follows the view-type table of DESIGN.md', () => {
  it('NEW_AND_OLD_IMAGES: INSERT has newImage, MODIFY both, REMOVE oldImage and its cause', () =>
    typeChecks((both: Both) => {
      if (both.eventName === 'INSERT') {
        expectTypeOf(both.newImage).toEqualTypeOf<Order>();
        // @ts-expect-error an INSERT has no old image
        both.oldImage;
        // @ts-expect-error only a REMOVE has a cause
        both.removedBy;
      }
      if (both.eventName === 'MODIFY') {
        expectTypeOf(both.newImage).toEqualTypeOf<Order>();
        expectTypeOf(both.oldImage).toEqualTypeOf<Order>();
      }
      if (both.eventName === 'REMOVE') {
        expectTypeOf(both.oldImage).toEqualTypeOf<Order>();
        expectTypeOf(both.removedBy).toEqualTypeOf<RemovalCause>();
        // @ts-expect-error a REMOVE has no new image
        both.newImage;
      }
    }));

  it('KEYS_ONLY: no image on any kind of event, keys always', () =>
    typeChecks((keysOnly: KeysOnly) => {
      expectTypeOf(keysOnly.keys).toEqualTypeOf<OrderKey>();
      // @ts-expect-error no new image on a KEYS_ONLY stream
      keysOnly.newImage;
      // @ts-expect-error no old image on a KEYS_ONLY stream
      keysOnly.oldImage;
      if (keysOnly.eventName === 'MODIFY') {
        // @ts-expect-error not even on a MODIFY
        keysOnly.newImage;
      }
      if (keysOnly.eventName === 'REMOVE')
        expectTypeOf(keysOnly.removedBy).toEqualTypeOf<RemovalCause>();
    }));

  it('NEW_IMAGE: INSERT and MODIFY have newImage only; REMOVE has none', () =>
    typeChecks((newOnly: NewOnly) => {
      if (newOnly.eventName === 'INSERT' || newOnly.eventName === 'MODIFY') {
        expectTypeOf(newOnly.newImage).toEqualTypeOf<Order>();
        // @ts-expect-error NEW_IMAGE streams never carry the old image
        newOnly.oldImage;
      } else {
        expectTypeOf(newOnly.eventName).toEqualTypeOf<'REMOVE'>();
        // @ts-expect-error a REMOVE on a NEW_IMAGE stream carries keys only
        newOnly.newImage;
        // @ts-expect-error and no old image either
        newOnly.oldImage;
      }
    }));

  it('OLD_IMAGE: MODIFY and REMOVE have oldImage only; INSERT has none', () =>
    typeChecks((oldOnly: OldOnly) => {
      if (oldOnly.eventName === 'INSERT') {
        // @ts-expect-error an INSERT on an OLD_IMAGE stream carries keys only
        oldOnly.oldImage;
        // @ts-expect-error and no new image
        oldOnly.newImage;
      } else {
        expectTypeOf(oldOnly.oldImage).toEqualTypeOf<Order>();
        // @ts-expect-error OLD_IMAGE streams never carry the new image
        oldOnly.newImage;
      }
    }));

  it('narrowing on eventName picks the event kind', () =>
    typeChecks((both: Both) => {
      if (both.eventName === 'INSERT') {
        expectTypeOf(both).toEqualTypeOf<InsertEvent<Order, 'NEW_AND_OLD_IMAGES', OrderKey>>();
      } else if (both.eventName === 'MODIFY') {
        expectTypeOf(both).toEqualTypeOf<ModifyEvent<Order, 'NEW_AND_OLD_IMAGES', OrderKey>>();
      } else {
        expectTypeOf(both).toEqualTypeOf<RemoveEvent<Order, 'NEW_AND_OLD_IMAGES', OrderKey>>();
      }
      expectTypeOf<EventName>().toEqualTypeOf<'INSERT' | 'MODIFY' | 'REMOVE'>();
    }));

  it('without a declared view type, narrowing on streamViewType as well reveals the images', () =>
    typeChecks((anyView: AnyView) => {
      // @ts-expect-error some view types carry no new image
      anyView.newImage;
      if (anyView.eventName === 'MODIFY' && anyView.streamViewType === 'NEW_AND_OLD_IMAGES') {
        expectTypeOf(anyView.oldImage).toEqualTypeOf<Order>();
        expectTypeOf(anyView.newImage).toEqualTypeOf<Order>();
      }
    }));

  it('metadata is typed the same on every event', () =>
    typeChecks((both: Both, anyView: AnyView) => {
      expectTypeOf(both.sequenceNumber).toEqualTypeOf<SequenceNumber>();
      expectTypeOf(both.itemKey).toEqualTypeOf<ItemKey>();
      expectTypeOf(both.approximateCreationTime).toEqualTypeOf<Date>();
      expectTypeOf(both.streamViewType).toEqualTypeOf<'NEW_AND_OLD_IMAGES'>();
      expectTypeOf(both.tableName).toEqualTypeOf<string | undefined>();
      expectTypeOf(anyView.keys).toEqualTypeOf<Record<string, unknown>>();
    }));
});
