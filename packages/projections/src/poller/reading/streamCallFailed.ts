import { errorKind } from '../../retry/errorKind.js';

/** How the poller reacts to a failed Streams API call. */
export type StreamFailureKind =
  /** The iterator is older than 15 minutes: open a new one from the checkpoint. */
  | 'expiredIterator'
  /** The position is older than the 24-hour retention (or DynamoDB Local's spurious variant). */
  | 'trimmed'
  /** Shard or stream not found (also DynamoDB Local's "Invalid ShardId in ShardIterator"). */
  | 'notFound'
  /** The iterator was refused as malformed: open a new one. */
  | 'invalidIterator'
  /** Throttling, server or network faults: wait and try again. */
  | 'retryable'
  /** Anything else (access denied, validation): retrying will not help. */
  | 'fatal';

/** A Streams API call failed. */
export interface StreamCallFailed {
  readonly _tag: 'StreamCallFailed';
  readonly kind: StreamFailureKind;
  readonly operation: string;
  readonly streamArn: string;
  readonly shardId: string | undefined;
  readonly message: string;
}

interface Thrown {
  readonly name?: unknown;
  readonly message?: unknown;
}

const kindOf = (name: string, message: string, error: unknown): StreamFailureKind => {
  if (name === 'ExpiredIteratorException') return 'expiredIterator';
  if (name === 'TrimmedDataAccessException') return 'trimmed';
  if (name === 'ResourceNotFoundException') return 'notFound';
  if (name === 'ValidationException' && /iterator/i.test(message)) return 'invalidIterator';
  if (name === 'LimitExceededException') return 'retryable';
  return errorKind(error) === 'retryable' ? 'retryable' : 'fatal';
};

/** Classifies what a Streams API call threw. */
export const streamCallFailed = (
  operation: string,
  streamArn: string,
  shardId: string | undefined,
  error: unknown,
): StreamCallFailed => {
  const e = error as Thrown | undefined;
  const name = typeof e?.name === 'string' ? e.name : 'Error';
  const text = typeof e?.message === 'string' ? e.message : String(error);
  return {
    _tag: 'StreamCallFailed',
    kind: kindOf(name, text, error),
    operation,
    streamArn,
    shardId,
    message: `${operation} on ${shardId ?? streamArn} failed: ${name}: ${text}`,
  };
};
