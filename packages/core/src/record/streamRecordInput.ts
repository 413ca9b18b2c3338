import type { AttributeMapInput } from '../attributes/attributeValueInput.js';

/**
 * A DynamoDB stream record as either AWS shape carries it: a Lambda event record
 * (`DynamoDBRecord` from `@types/aws-lambda`) or a Streams API record (`_Record` from
 * `@aws-sdk/client-dynamodb-streams`). Loose on purpose; decoding validates every field.
 */
export interface StreamRecordInput {
  readonly eventID?: string | undefined;
  readonly eventName?: string | undefined;
  readonly eventVersion?: string | undefined;
  readonly eventSource?: string | undefined;
  readonly awsRegion?: string | undefined;
  /** Lambda shape only. */
  readonly eventSourceARN?: string | undefined;
  readonly dynamodb?:
    | {
        /** Epoch seconds (Lambda) or a `Date` (Streams API). */
        readonly ApproximateCreationDateTime?: number | Date | undefined;
        readonly Keys?: AttributeMapInput | undefined;
        readonly NewImage?: AttributeMapInput | undefined;
        readonly OldImage?: AttributeMapInput | undefined;
        readonly SequenceNumber?: string | undefined;
        readonly SizeBytes?: number | undefined;
        readonly StreamViewType?: string | undefined;
      }
    | undefined;
  /** `{ type, principalId }` (Lambda) or `{ Type, PrincipalId }` (Streams API); present for TTL deletions. */
  readonly userIdentity?: unknown;
}
