/** How long DynamoDB Streams keeps a record: 24 hours. */
export const RECORD_RETENTION_MS = 24 * 60 * 60 * 1000;

/** How long a shard iterator stays valid after it is issued: 15 minutes. */
export const ITERATOR_LIFETIME_MS = 15 * 60 * 1000;

/** Most records one GetRecords call returns. */
export const MAX_RECORDS_PER_READ = 1000;

/** Most bytes one GetRecords call returns (measured as the records' `SizeBytes`). */
export const MAX_BYTES_PER_READ = 1024 * 1024;
