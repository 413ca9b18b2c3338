import type {
  DynamoDBRecord,
  AttributeValue as LambdaAttributeValue,
  StreamRecord as LambdaStreamRecord,
} from 'aws-lambda';
import type { AttributeMapInput, AttributeValueInput } from '../attributes/attributeValueInput.js';
import type { StreamRecordInput } from './streamRecordInput.js';

type LambdaImage = { [key: string]: LambdaAttributeValue };

// Binary already in Lambda's shape (base64 text) stays as it is.
const base64 = (bytes: string | Uint8Array): string =>
  typeof bytes === 'string'
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

// `__proto__` is an attribute name like any other: define it, never set it.
const setAttribute = (map: LambdaImage, name: string, value: LambdaAttributeValue): void => {
  if (name === '__proto__')
    Object.defineProperty(map, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else map[name] = value;
};

// Lambda delivers records as JSON: binary becomes base64 text. DynamoDB Local's stream writes an
// empty map as a typeless `{}` (real streams say `{ M: {} }`); a typeless value means nothing
// else, so the type is put back. Values needing neither are returned as they are (no copy).
const lambdaValue = (value: AttributeValueInput): LambdaAttributeValue => {
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
  for (const _ in value) return value as LambdaAttributeValue;
  return { M: {} };
};

const lambdaImage = (image: AttributeMapInput): LambdaImage => {
  let copy: LambdaImage | undefined;
  for (const name of Object.keys(image)) {
    const original = image[name] as AttributeValueInput;
    const converted = lambdaValue(original);
    if (converted === (original as unknown)) continue;
    copy ??= { ...(image as unknown as LambdaImage) };
    setAttribute(copy, name, converted);
  }
  return copy ?? (image as unknown as LambdaImage);
};

/** `userIdentity` as the Streams API (`Type`) or Lambda (`type`) spells it. */
interface Identity {
  readonly Type?: string;
  readonly PrincipalId?: string;
  readonly type?: string;
  readonly principalId?: string;
}

/**
 * A Streams API record (SDK v3: the poller, the in-memory stream, DynamoDB Local) in the shape
 * Lambda delivers (`DynamoDBRecord`): epoch-seconds time, binary as base64, `userIdentity` as
 * `{ type, principalId }`, `eventSourceARN`, and DynamoDB Local's typeless empty maps repaired.
 * The one conversion every runner and the offline delivery driver use, so filters, decoding and
 * dead letters see one record.
 */
export const lambdaShapedRecord = (
  record: StreamRecordInput,
  streamArn: string,
): DynamoDBRecord => {
  const { dynamodb } = record;
  const userIdentity = record.userIdentity as Identity | undefined;
  // Properties are added one by one in Lambda's order (no spreads): this runs once per delivered
  // record, and objects grown the same way share one fast shape.
  const body: LambdaStreamRecord = {};
  const time = dynamodb?.ApproximateCreationDateTime;
  if (time instanceof Date) body.ApproximateCreationDateTime = Math.floor(time.getTime() / 1000);
  else if (time !== undefined) body.ApproximateCreationDateTime = time as unknown as number;
  if (dynamodb?.Keys) body.Keys = lambdaImage(dynamodb.Keys);
  if (dynamodb?.NewImage) body.NewImage = lambdaImage(dynamodb.NewImage);
  if (dynamodb?.OldImage) body.OldImage = lambdaImage(dynamodb.OldImage);
  body.SequenceNumber = dynamodb?.SequenceNumber;
  body.SizeBytes = dynamodb?.SizeBytes;
  body.StreamViewType = dynamodb?.StreamViewType as LambdaStreamRecord['StreamViewType'];
  const out: DynamoDBRecord = {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion,
    eventSource: record.eventSource,
    awsRegion: record.awsRegion,
    eventSourceARN: streamArn,
  };
  if (dynamodb !== undefined) out.dynamodb = body;
  if (userIdentity)
    out.userIdentity = {
      type: userIdentity.Type ?? userIdentity.type,
      principalId: userIdentity.PrincipalId ?? userIdentity.principalId,
    };
  return out;
};
