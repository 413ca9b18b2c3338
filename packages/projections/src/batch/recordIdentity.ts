/** What a record's eventID and sequence number are, as far as the record lets us read them. */
export interface RecordIdentity {
  readonly eventId: string | undefined;
  readonly sequenceNumber: string | undefined;
}

const field = (value: unknown, name: string): unknown =>
  value !== null && typeof value === 'object'
    ? (value as Record<string, unknown>)[name]
    : undefined;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/**
 * The one place a record's identity is read: from its decoded change when it has one (the
 * decoder checked both fields), otherwise defensively from the record as delivered.
 */
export const identityOf = (record: unknown, decoded?: RecordIdentity): RecordIdentity =>
  decoded !== undefined
    ? { eventId: decoded.eventId, sequenceNumber: decoded.sequenceNumber }
    : {
        eventId: text(field(record, 'eventID')),
        sequenceNumber: text(field(field(record, 'dynamodb'), 'SequenceNumber')),
      };
