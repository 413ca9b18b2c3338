import type { ItemKey } from '../identity/itemKey.js';
import type { SequenceNumber } from '../sequence/sequenceNumber.js';
import type { StreamViewType, WithNewImage, WithOldImage } from './streamViewType.js';

/** Who removed an item: DynamoDB's TTL process (`ttl`) or a caller (`user`). */
export type RemovalCause = 'ttl' | 'user';

/** Metadata every change event carries, whatever its kind. */
export interface ChangeMetadata<V extends StreamViewType, K> {
  readonly eventId: string;
  readonly sequenceNumber: SequenceNumber;
  /** `ApproximateCreationDateTime`, as a Date whatever shape the record had. */
  readonly approximateCreationTime: Date;
  readonly sizeBytes: number;
  readonly streamViewType: V;
  /** The item's key attributes, unmarshalled (decoded with the key codec when one is given). */
  readonly keys: K;
  /** Stable identity of the item, for per-item ordering and idempotency. */
  readonly itemKey: ItemKey;
  /** Present when the record carries `eventSourceARN` (Lambda shape). */
  readonly streamArn: string | undefined;
  /** Derived from the stream ARN when present. */
  readonly tableName: string | undefined;
  readonly region: string | undefined;
}

/** Image fields present for a view type, following DESIGN.md's table; absent fields are not readable. */
type NewImageOf<V extends StreamViewType, T> = V extends WithNewImage
  ? { readonly newImage: T }
  : {};
type OldImageOf<V extends StreamViewType, T> = V extends WithOldImage
  ? { readonly oldImage: T }
  : {};

/** The item did not exist and was created. */
export type InsertEvent<
  T,
  V extends StreamViewType = StreamViewType,
  K = Record<string, unknown>,
> = V extends StreamViewType
  ? ChangeMetadata<V, K> & { readonly eventName: 'INSERT' } & NewImageOf<V, T>
  : never;

/** The item existed and changed. */
export type ModifyEvent<
  T,
  V extends StreamViewType = StreamViewType,
  K = Record<string, unknown>,
> = V extends StreamViewType
  ? ChangeMetadata<V, K> & { readonly eventName: 'MODIFY' } & NewImageOf<V, T> & OldImageOf<V, T>
  : never;

/** The item existed and was deleted, by a caller or by TTL. */
export type RemoveEvent<
  T,
  V extends StreamViewType = StreamViewType,
  K = Record<string, unknown>,
> = V extends StreamViewType
  ? ChangeMetadata<V, K> & {
      readonly eventName: 'REMOVE';
      readonly removedBy: RemovalCause;
    } & OldImageOf<V, T>
  : never;

/** One item-level change from a DynamoDB stream, typed by item, view type and keys. */
export type ChangeEvent<T, V extends StreamViewType = StreamViewType, K = Record<string, unknown>> =
  | InsertEvent<T, V, K>
  | ModifyEvent<T, V, K>
  | RemoveEvent<T, V, K>;

/** The three kinds of change. */
export type EventName = ChangeEvent<unknown>['eventName'];
