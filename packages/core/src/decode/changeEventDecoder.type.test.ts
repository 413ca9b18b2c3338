import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expectTypeOf, it } from 'vitest';
import type { DecodeFailure } from '../errors/decodeFailure.js';
import type { ChangeEvent } from '../event/changeEvent.js';
import type { StreamViewType } from '../event/streamViewType.js';
import { changeEventDecoder } from './changeEventDecoder.js';
import type { DecodedBatch } from './decodeBatch.js';
import { decodeBatch } from './decodeBatch.js';
import { decodeRecord } from './decodeRecord.js';

const Order = t.type({ id: t.string, total: t.number });
type Order = t.TypeOf<typeof Order>;
const OrderKey = t.type({ id: t.string });
type OrderKey = t.TypeOf<typeof OrderKey>;

const decoder = changeEventDecoder({ item: Order, keys: OrderKey, viewType: 'NEW_AND_OLD_IMAGES' });
type Decoded = E.Either<DecodeFailure, ChangeEvent<Order, 'NEW_AND_OLD_IMAGES', OrderKey>>;

describe('changeEventDecoder', () => {
  it('takes the item, keys and view type of its events from the codecs', () => {
    expectTypeOf(decoder.decodeRecord).returns.toEqualTypeOf<Decoded>();
    expectTypeOf(decoder.decodeBatch).returns.toEqualTypeOf<
      DecodedBatch<Order, 'NEW_AND_OLD_IMAGES', OrderKey>
    >();
  });

  it('defaults keys to the unmarshalled map and the view type to any', () => {
    const loose = changeEventDecoder({ item: Order });
    expectTypeOf(loose.decodeRecord).returns.toEqualTypeOf<
      E.Either<DecodeFailure, ChangeEvent<Order, StreamViewType, Record<string, unknown>>>
    >();
  });

  it('refuses a view type that does not exist', () => {
    // @ts-expect-error not a stream view type
    changeEventDecoder({ item: Order, viewType: 'ALL_IMAGES' });
  });

  it('accepts both AWS record types, record by record and as a batch', () => {
    const check = (
      lambda: DynamoDBRecord,
      sdk: _Record,
      event: DynamoDBStreamEvent,
      sdks: _Record[],
    ) => {
      expectTypeOf(decodeRecord(decoder, lambda)).toEqualTypeOf<Decoded>();
      expectTypeOf(decodeRecord(decoder, sdk)).toEqualTypeOf<Decoded>();
      expectTypeOf(decoder.decodeRecord(sdk, { streamArn: 'arn' })).toEqualTypeOf<Decoded>();
      decodeBatch(decoder, event.Records);
      decoder.decodeBatch(sdks);
      // @ts-expect-error the whole Lambda event is not a record
      decodeRecord(decoder, event);
    };
    expectTypeOf(check).toBeFunction();
  });

  it('gives events whose images follow the view type', () => {
    const check = (record: DynamoDBRecord) => {
      const result = decoder.decodeRecord(record);
      if (result._tag === 'Right' && result.right.eventName === 'INSERT') {
        expectTypeOf(result.right.newImage).toEqualTypeOf<Order>();
        // @ts-expect-error an INSERT has no old image
        result.right.oldImage;
      }
    };
    expectTypeOf(check).toBeFunction();
  });
});
