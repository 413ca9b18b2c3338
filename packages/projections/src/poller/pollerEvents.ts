import type { LeaseCheckpoint } from './lease/lease.js';
import type { LeaseTableError } from './lease/leaseTable.js';
import type { StreamCallFailed } from './reading/streamCallFailed.js';

/** Records of a shard were lost: they were trimmed (24-hour retention) before being processed. */
export interface DataLoss {
  readonly _tag: 'DataLoss';
  readonly streamArn: string;
  readonly shardId: string;
  /** The last position processed; everything after it up to the trim horizon is gone. */
  readonly checkpoint: LeaseCheckpoint;
  /** True when the poller was told to skip to TRIM_HORIZON and went on. */
  readonly skipped: boolean;
  readonly message: string;
}

/** The record processor threw instead of returning an outcome: a bug, so the poller stops. */
export interface ProcessorThrew {
  readonly _tag: 'ProcessorThrew';
  readonly shardId: string;
  readonly message: string;
}

/** Why a poller stopped on its own (`run()` resolves with it). */
export type PollerFailure = DataLoss | LeaseTableError | StreamCallFailed | ProcessorThrew;

/** Something a poller did or met, for logs and metrics (`onEvent`). */
export type PollerEvent =
  | {
      readonly _tag: 'LeaseTaken';
      readonly shardId: string;
      readonly previousOwner: string | undefined;
    }
  | { readonly _tag: 'LeaseLost'; readonly shardId: string; readonly reason: string }
  | { readonly _tag: 'LeaseReleased'; readonly shardId: string }
  | { readonly _tag: 'HandoffRequested'; readonly shardId: string; readonly owner: string }
  | { readonly _tag: 'LeaseHandedOver'; readonly shardId: string; readonly to: string }
  | {
      readonly _tag: 'BatchProcessed';
      readonly shardId: string;
      readonly records: number;
      readonly checkpoint: string;
    }
  | {
      readonly _tag: 'BatchFailed';
      readonly shardId: string;
      readonly processed: number;
      readonly message: string;
      readonly retryInMs: number;
    }
  | { readonly _tag: 'ShardEnded'; readonly shardId: string }
  | {
      /** A LATEST start was stored as the shard's position at that moment (before any read). */
      readonly _tag: 'StartFixed';
      readonly shardId: string;
      readonly checkpoint: LeaseCheckpoint;
    }
  | {
      readonly _tag: 'IteratorReopened';
      readonly shardId: string;
      readonly reason:
        | 'expired'
        | 'missingNextIterator'
        | 'invalidIterator'
        | 'notFound'
        | 'trimmed';
    }
  | DataLoss
  | {
      readonly _tag: 'TransientError';
      readonly shardId: string | undefined;
      readonly message: string;
      readonly retryInMs: number;
    };
