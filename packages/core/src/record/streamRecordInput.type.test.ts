import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expectTypeOf, it } from 'vitest';
import type { StreamRecordInput } from './streamRecordInput.js';

describe('StreamRecordInput', () => {
  it('accepts a Lambda record and a Streams API record as their AWS types declare them', () => {
    expectTypeOf<DynamoDBRecord>().toExtend<StreamRecordInput>();
    expectTypeOf<_Record>().toExtend<StreamRecordInput>();
  });

  it('rejects what is not a record, such as the whole Lambda event', () => {
    expectTypeOf<DynamoDBStreamEvent>().not.toExtend<StreamRecordInput>();
    expectTypeOf<{ eventID: number }>().not.toExtend<StreamRecordInput>();
  });
});
