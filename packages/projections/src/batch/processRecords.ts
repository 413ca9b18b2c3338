import type { BatchResult } from './batchResult.js';
import type { BatchSettings } from './batchSettings.js';
import type { IncomingRecord } from './incomingRecord.js';
import { runBatch } from './runBatch.js';

/**
 * Runs change events that are already decoded (e.g. from an in-memory stream) through the
 * projections, as `processBatch` does for raw records: each projection's codecs check the images
 * it reads, then the batch is planned and applied.
 */
export const processRecords = (
  settings: BatchSettings,
  records: readonly IncomingRecord[],
): Promise<BatchResult> => runBatch(settings, { _tag: 'Decoded', records });

export type { BatchSettings } from './batchSettings.js';
