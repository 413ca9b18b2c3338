import { decodeRecord, type StreamRecordInput } from '@sluice/core';
import * as t from 'io-ts';

/** One change of a source table as the check reads it: plain images, no projection involved. */
export interface SourceChange {
  readonly eventId: string;
  readonly eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  readonly sequenceNumber: string;
  readonly keys: Readonly<Record<string, unknown>>;
  readonly newImage?: unknown;
  readonly oldImage?: unknown;
  readonly removedBy?: 'ttl' | 'user';
}

/** The stream's records as plain changes; a record that does not even decode counts in `undecodable`. */
export const sourceChanges = (
  records: readonly StreamRecordInput[],
): { readonly changes: SourceChange[]; readonly undecodable: number } => {
  const changes: SourceChange[] = [];
  let undecodable = 0;
  for (const record of records) {
    const decoded = decodeRecord({ item: t.unknown }, record);
    if (decoded._tag === 'Left') undecodable++;
    else changes.push(decoded.right as unknown as SourceChange);
  }
  return { changes, undecodable };
};
