import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import type {
  DynamoDBRecord,
  DynamoDBStreamEvent,
  AttributeValue as LambdaAttributeValue,
  StreamRecord as LambdaStreamRecord,
} from 'aws-lambda';
import { type AttributeMap, type AttributeValue, setAttribute } from '../table/attributeMap.js';

type LambdaImage = { [key: string]: LambdaAttributeValue };

const base64 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

// Lambda delivers records as JSON, so binary becomes base64 text; everything else is identical.
// Values without binary are returned as they are (no copy), which keeps conversion cheap.
const lambdaValue = (value: AttributeValue): LambdaAttributeValue => {
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.BS !== undefined) return { BS: value.BS.map(base64) };
  if (value.M !== undefined) {
    const M = lambdaImage(value.M);
    return M === (value.M as unknown) ? (value as LambdaAttributeValue) : { M };
  }
  if (value.L !== undefined) {
    const L = value.L.map(lambdaValue);
    return L.every((v, i) => v === (value.L?.[i] as unknown))
      ? (value as LambdaAttributeValue)
      : { L };
  }
  return value as LambdaAttributeValue;
};

const lambdaImage = (image: AttributeMap): LambdaImage => {
  let copy: LambdaImage | undefined;
  for (const name of Object.keys(image)) {
    const original = image[name] as AttributeValue;
    const converted = lambdaValue(original);
    if (converted === (original as unknown)) continue;
    copy ??= { ...(image as LambdaImage) };
    setAttribute(copy, name, converted);
  }
  return copy ?? (image as LambdaImage);
};

/**
 * A Streams-API record (SDK v3 shape, from the in-memory stream or from DynamoDB Local) in the shape
 * Lambda delivers it (`DynamoDBRecord` of `@types/aws-lambda`): `ApproximateCreationDateTime` in
 * epoch seconds, binary as base64, camelCase `userIdentity`, plus `eventSourceARN`.
 */
export const toLambdaRecord = (record: _Record, eventSourceARN: string): DynamoDBRecord => {
  const { dynamodb, userIdentity } = record;
  // Properties are added one by one in Lambda's order (no spreads): this runs once per delivered
  // record, and objects grown the same way share one fast shape.
  const body: LambdaStreamRecord = {};
  const time = dynamodb?.ApproximateCreationDateTime;
  if (time) body.ApproximateCreationDateTime = Math.floor(time.getTime() / 1000);
  if (dynamodb?.Keys) body.Keys = lambdaImage(dynamodb.Keys as AttributeMap);
  if (dynamodb?.NewImage) body.NewImage = lambdaImage(dynamodb.NewImage as AttributeMap);
  if (dynamodb?.OldImage) body.OldImage = lambdaImage(dynamodb.OldImage as AttributeMap);
  body.SequenceNumber = dynamodb?.SequenceNumber;
  body.SizeBytes = dynamodb?.SizeBytes;
  body.StreamViewType = dynamodb?.StreamViewType as LambdaStreamRecord['StreamViewType'];
  const out: DynamoDBRecord = {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion,
    eventSource: record.eventSource,
    awsRegion: record.awsRegion,
    dynamodb: body,
    eventSourceARN,
  };
  if (userIdentity)
    out.userIdentity = { type: userIdentity.Type, principalId: userIdentity.PrincipalId };
  return out;
};

/** A batch of records as the `DynamoDBStreamEvent` a Lambda handler receives. */
export const toLambdaEvent = (
  records: readonly _Record[],
  eventSourceARN: string,
): DynamoDBStreamEvent => ({
  Records: records.map((record) => toLambdaRecord(record, eventSourceARN)),
});
