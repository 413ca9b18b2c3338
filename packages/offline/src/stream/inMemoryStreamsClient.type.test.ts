import type {
  _Record,
  DynamoDBStreamsClient,
  GetRecordsCommandOutput,
} from '@aws-sdk/client-dynamodb-streams';
import { GetRecordsCommand } from '@aws-sdk/client-dynamodb-streams';
import { expectTypeOf, it } from 'vitest';
import type { InMemoryStreamsClient } from './inMemoryStreamsClient.js';
import type { InMemoryStreamRecord } from './streamRecord.js';

// Checked by tsc; the functions below are never called.

it('passes where the real client is expected, with the real output types', () => {
  const poll = (client: InMemoryStreamsClient) => {
    const asClient: Pick<DynamoDBStreamsClient, 'send'> = client;
    return asClient.send(new GetRecordsCommand({ ShardIterator: 'x' }));
  };
  expectTypeOf(poll).returns.toEqualTypeOf<Promise<GetRecordsCommandOutput>>();
  // @ts-expect-error a plain object with some other `send` is not a streams client
  const notAClient: Pick<DynamoDBStreamsClient, 'send'> = { send: (x: number) => x };
  expectTypeOf(notAClient).not.toBeAny();
});

it('gives records that are SDK records, with the always-present fields required', () => {
  const widen = (record: InMemoryStreamRecord): _Record => record;
  expectTypeOf(widen).returns.toEqualTypeOf<_Record>();
  expectTypeOf<InMemoryStreamRecord['dynamodb']['SequenceNumber']>().toEqualTypeOf<string>();
  expectTypeOf<InMemoryStreamRecord['eventName']>().toEqualTypeOf<'INSERT' | 'MODIFY' | 'REMOVE'>();
});
