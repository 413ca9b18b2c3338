import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { PlainItem } from '@sluice/offline';
import type { DeadLetter } from '@sluice/projections';
import { formatValue } from './formatValue.js';
import { valueMatches } from './valueMatches.js';

/** A poison record as a test states it: only the fields given are compared. */
export interface ExpectedDeadLetter {
  /** The projection that refused the record; `undefined` when no projection could read it. */
  readonly projection?: string | undefined;
  /** The reason's `_tag`, e.g. `ImageDecodeFailure` (the item failed the projection's codec). */
  readonly reason?: string;
  /** The source item's key as plain values (`{ id: 'order-1' }`). */
  readonly keys?: PlainItem;
  readonly eventName?: 'INSERT' | 'MODIFY' | 'REMOVE';
  /** Text the reason's message contains, or a pattern it matches. */
  readonly message?: string | RegExp;
  /** Whether the batch stopped at the record (`poison: 'block'`). */
  readonly blocked?: boolean;
}

/** A dead letter as a test reads it: the fields of `ExpectedDeadLetter`, all filled in. */
export interface DeadLetterView {
  readonly projection: string | undefined;
  readonly reason: string;
  readonly keys: PlainItem | undefined;
  readonly eventName: unknown;
  readonly message: string;
  readonly blocked: boolean;
}

const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[name]
    : undefined;

// The record may be the very thing that is malformed: no keys is an answer, not an error.
const keysOf = (record: unknown): PlainItem | undefined => {
  try {
    const keys = field(field(record, 'dynamodb'), 'Keys');
    return keys === undefined ? undefined : unmarshall(keys as Parameters<typeof unmarshall>[0]);
  } catch {
    return undefined;
  }
};

/** What a test compares of a dead letter. */
export const deadLetterView = (letter: DeadLetter): DeadLetterView => ({
  projection: letter.projection,
  reason: letter.reason._tag,
  keys: keysOf(letter.record),
  eventName: field(letter.record, 'eventName'),
  message: letter.reason.message,
  blocked: letter.blocked,
});

/** The expectation a dead letter meets exactly: to compare two runs' poison records. */
export const expectationOf = (letter: DeadLetter): ExpectedDeadLetter => {
  const view = deadLetterView(letter);
  return {
    projection: view.projection,
    reason: view.reason,
    ...(view.keys === undefined ? {} : { keys: view.keys }),
    ...(typeof view.eventName === 'string'
      ? { eventName: view.eventName as ExpectedDeadLetter['eventName'] }
      : {}),
    message: view.message,
    blocked: view.blocked,
  };
};

const letterMatches = (expected: ExpectedDeadLetter, view: DeadLetterView): boolean =>
  (!('projection' in expected) || expected.projection === view.projection) &&
  (expected.reason === undefined || expected.reason === view.reason) &&
  (expected.keys === undefined || valueMatches(expected.keys, view.keys)) &&
  (expected.eventName === undefined || expected.eventName === view.eventName) &&
  (expected.blocked === undefined || expected.blocked === view.blocked) &&
  (expected.message === undefined ||
    (typeof expected.message === 'string'
      ? view.message.includes(expected.message)
      : expected.message.test(view.message)));

/** How the dead letters differ from the expected ones, in any order, as lines (none: they match). */
export const deadLettersDiff = (
  expected: readonly ExpectedDeadLetter[],
  letters: readonly DeadLetter[],
): string[] => {
  const unexpected = letters.map(deadLetterView);
  const missing: ExpectedDeadLetter[] = [];
  for (const wanted of expected) {
    const at = unexpected.findIndex((view) => letterMatches(wanted, view));
    if (at >= 0) unexpected.splice(at, 1);
    else missing.push(wanted);
  }
  if (missing.length === 0 && unexpected.length === 0) return [];
  return [
    `dead letters: expected ${expected.length}, received ${letters.length}`,
    ...missing.map((letter) => `  missing dead letter ${formatValue(letter)}`),
    ...unexpected.map((view) => `  unexpected dead letter ${formatValue(view)}`),
  ];
};
