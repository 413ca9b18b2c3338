import type { ChangeEvent } from '@sluice/core';
import * as t from 'io-ts';
import type { ToyChange } from '../../contract/testSupport/toySource.js';
import { FAR_FUTURE } from '../../contract/testSupport/toySource.js';
import { changeEvent } from '../../testSupport/changeEvents.js';
import { lookup } from '../lookup.js';
import { replicate } from '../replicate.js';

/** Logical names of the tables the built-ins' contract writes. */
export const BUILTIN_TABLES = {
  replica: 'replica',
  lookup: 'lookup',
  tombstones: 'tombstones',
} as const;

/** The toy source item: `{ id, list, quantity }`, keyed by `id`. */
export const ToyItem = t.type({ id: t.string, list: t.string, quantity: t.number });

/** The replica under test: renames `list` to `listName`, drops nothing else. */
export const toyReplica = replicate({
  name: 'toyReplica',
  table: BUILTIN_TABLES.replica,
  tombstones: BUILTIN_TABLES.tombstones,
  item: ToyItem,
  viewType: 'NEW_AND_OLD_IMAGES',
  transform: ({ list, ...rest }) => ({ ...rest, listName: list }),
});

/** The lookup under test: list → items in it (many items share a list: contested values abound). */
export const toyLookup = lookup({
  name: 'toyLookup',
  table: BUILTIN_TABLES.lookup,
  tombstones: BUILTIN_TABLES.tombstones,
  item: ToyItem,
  viewType: 'NEW_AND_OLD_IMAGES',
  valueAttribute: 'list',
  // Some items claim nothing, so a change can release without claiming and claim without releasing.
  value: (item) => (item.quantity % 4 === 0 ? undefined : item.list),
});

// Tombstones expire 25 hours after the change: a far-future change time keeps DynamoDB Local's
// TTL sweeper away from them during the test.
const changedAt = (change: ToyChange) =>
  FAR_FUTURE * 1000 + Number(change.sequenceNumber.slice(-6));

/** A toy change as the decoder would hand it to a projection. */
export const toyEvent = (change: ToyChange): ChangeEvent<t.TypeOf<typeof ToyItem>> => {
  const image = (state: ToyChange['before']) =>
    state === null ? undefined : { id: change.id, ...state };
  const event = changeEvent({
    eventName: change.before === null ? 'INSERT' : change.after === null ? 'REMOVE' : 'MODIFY',
    keys: { id: change.id },
    sequence: 0,
    ...(change.after === null ? {} : { newImage: image(change.after) }),
    ...(change.before === null ? {} : { oldImage: image(change.before) }),
    at: changedAt(change),
  });
  return {
    ...event,
    eventId: `ev-${change.sequenceNumber}`,
    sequenceNumber: change.sequenceNumber,
  } as ChangeEvent<t.TypeOf<typeof ToyItem>>;
};
