import * as t from 'io-ts';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { BatchSettings } from '../batch/batchSettings.js';
import { aggregate } from '../builtins/aggregate.js';
import { archive } from '../builtins/archive.js';
import { orderHistory } from '../builtins/orderHistory.js';
import type { Write } from '../plan/write.js';
import { defineProjection, type Projection } from './projection.js';

const OrderLine = t.type({ orderId: t.string, lineId: t.string, quantity: t.number });
type OrderLine = t.TypeOf<typeof OrderLine>;
const OrderKeys = t.type({ orderId: t.string, lineId: t.string });

describe('defineProjection types', () => {
  it('types the event from the codecs and the view type', () => {
    const lines = defineProjection({
      name: 'lines',
      version: 1,
      item: OrderLine,
      keys: OrderKeys,
      viewType: 'NEW_AND_OLD_IMAGES',
      plan: (event): Write[] => {
        expectTypeOf(event.keys).toEqualTypeOf<{ orderId: string; lineId: string }>();
        if (event.eventName === 'INSERT') {
          expectTypeOf(event.newImage).toEqualTypeOf<OrderLine>();
          // @ts-expect-error an INSERT has no old image
          void event.oldImage;
        }
        if (event.eventName === 'REMOVE') expectTypeOf(event.oldImage).toEqualTypeOf<OrderLine>();
        return [];
      },
    });
    expectTypeOf(lines).toEqualTypeOf<
      Projection<OrderLine, 'NEW_AND_OLD_IMAGES', { orderId: string; lineId: string }>
    >();
  });

  it('hides images a NEW_IMAGE projection cannot read', () => {
    defineProjection({
      name: 'latest',
      version: 1,
      item: OrderLine,
      viewType: 'NEW_IMAGE',
      plan: (event) => {
        // @ts-expect-error a NEW_IMAGE stream carries no old images
        void event.oldImage;
        return [];
      },
    });
  });

  it('lets projections of different items run in one batch', () => {
    const history = orderHistory({
      name: 'orderHistory',
      table: 'h',
      item: OrderLine,
      viewType: 'NEW_AND_OLD_IMAGES',
      entityId: (event) => event.keys.orderId as string,
    });
    const counts = aggregate({
      name: 'aggregate',
      table: 'c',
      markerTable: 'm',
      item: t.type({ listId: t.string }),
      viewType: 'NEW_IMAGE',
      group: (task) => ({ listId: task.listId }),
    });
    expectTypeOf([history, counts]).toExtend<BatchSettings['projections']>();
  });

  it('types groupOfKey from the key codec and amounts from the item codec', () => {
    const inRows = aggregate({
      name: 'linesPerOrder',
      table: 'c',
      item: OrderLine,
      keys: OrderKeys,
      viewType: 'NEW_IMAGE',
      groupOfKey: (key) => {
        expectTypeOf(key).toEqualTypeOf<{ orderId: string; lineId: string }>();
        return { orderId: key.orderId };
      },
      amounts: (line) => {
        expectTypeOf(line).toEqualTypeOf<OrderLine>();
        return null;
      },
    });
    expectTypeOf(inRows).toEqualTypeOf<
      Projection<OrderLine, 'NEW_IMAGE', { orderId: string; lineId: string }>
    >();
  });

  it('refuses an aggregate without new images and an archive without old images', () => {
    aggregate({
      name: 'aggregate',
      table: 'c',
      markerTable: 'm',
      item: OrderLine,
      // @ts-expect-error contributions are read from the new image
      viewType: 'OLD_IMAGE',
      group: (line) => ({ orderId: line.orderId }),
    });
    // @ts-expect-error the archive keeps the old image
    archive({ name: 'archive', table: 'a', item: OrderLine, viewType: 'NEW_IMAGE' });
  });

  it('requires a name on every built-in, so two can never share a marker namespace by default', () => {
    const unnamed = /projection name must be a non-empty string/;
    expect(() =>
      // @ts-expect-error every projection needs a name of its own
      aggregate({
        table: 'c',
        markerTable: 'm',
        item: OrderLine,
        viewType: 'NEW_IMAGE',
        group: (line) => ({ orderId: line.orderId }),
      }),
    ).toThrow(unnamed);
    // @ts-expect-error every projection needs a name of its own
    expect(() => archive({ table: 'a', item: OrderLine, viewType: 'OLD_IMAGE' })).toThrow(unnamed);
    expect(() =>
      // @ts-expect-error every projection needs a name of its own
      orderHistory({
        table: 'h',
        item: OrderLine,
        viewType: 'NEW_IMAGE',
        entityId: (event) => String(event.keys.orderId),
      }),
    ).toThrow(unnamed);
  });
});
