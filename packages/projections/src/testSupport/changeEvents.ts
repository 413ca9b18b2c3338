import {
  type ChangeEvent,
  itemKeyOf,
  type SequenceNumber,
  type StreamViewType,
} from '@sluice/core';

type Image = Record<string, unknown>;

/** What a test states about a change; the rest of the event is filled in consistently. */
export interface ChangeSpec {
  readonly eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  readonly keys: Record<string, string>;
  readonly sequence: number;
  readonly newImage?: Image;
  readonly oldImage?: Image;
  readonly ttl?: boolean;
  readonly viewType?: StreamViewType;
  readonly at?: number;
}

/** A 21-digit sequence number for a small counter (stream numbers are 21 to 40 digits). */
export const sequenceNumber = (n: number): SequenceNumber =>
  `1${String(n).padStart(20, '0')}` as SequenceNumber;

/** Builds a ChangeEvent as the core decoder would produce it, images trimmed to the view type. */
export const changeEvent = (spec: ChangeSpec): ChangeEvent<unknown> => {
  const viewType = spec.viewType ?? 'NEW_AND_OLD_IMAGES';
  const withNew = viewType === 'NEW_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES';
  const withOld = viewType === 'OLD_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES';
  const marshalledKeys: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(spec.keys)) marshalledKeys[name] = { S: value };
  const event: Record<string, unknown> = {
    eventId: `ev-${spec.sequence}`,
    eventName: spec.eventName,
    sequenceNumber: sequenceNumber(spec.sequence),
    approximateCreationTime: new Date(spec.at ?? 1_700_000_000_000 + spec.sequence * 1000),
    sizeBytes: 100,
    streamViewType: viewType,
    keys: spec.keys,
    itemKey: itemKeyOf(marshalledKeys),
    streamArn: undefined,
    tableName: undefined,
    region: undefined,
  };
  if (spec.eventName !== 'REMOVE' && withNew) event.newImage = spec.newImage;
  if (spec.eventName !== 'INSERT' && withOld) event.oldImage = spec.oldImage;
  if (spec.eventName === 'REMOVE') event.removedBy = spec.ttl ? 'ttl' : 'user';
  return event as unknown as ChangeEvent<unknown>;
};
