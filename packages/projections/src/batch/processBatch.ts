import type { InexactNumbers } from '@sluice/core';
import type { BatchResult } from './batchResult.js';
import type { BatchSettings } from './batchSettings.js';
import { runBatch } from './runBatch.js';

/** Settings of `processBatch`: those of every batch, plus what raw records may not carry. */
export interface ProcessBatchSettings extends BatchSettings {
  /** The stream ARN, for Streams API records (they carry no `eventSourceARN`). */
  readonly streamArn?: string;
  /** Numbers a JS `number` cannot hold exactly: `fail` (default: poison) or `wrap` them. */
  readonly inexactNumbers?: InexactNumbers;
}

/**
 * Runs a batch of raw stream records (Lambda or Streams API shape) through the projections:
 * each projection's filter on the raw record, decoding with its codecs (once per distinct pair of
 * codecs, through core's fast path), then planning and applying the whole batch. A record that
 * cannot be decoded is poison for every projection; an image a codec rejects, for the projections
 * using that codec.
 */
export const processBatch = (
  settings: ProcessBatchSettings,
  records: readonly unknown[],
): Promise<BatchResult> => runBatch(settings, { _tag: 'Raw', records, decoding: settings });
