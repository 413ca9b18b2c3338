/** A DynamoDB Streams sequence number: a numeric string of 21 to 40 digits. */
export type SequenceNumber = string & { readonly SequenceNumber: unique symbol };
