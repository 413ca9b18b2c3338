/**
 * What the function's store does to a projection, marker or tombstone table: conditional puts
 * and deletes, `ADD` updates, batch reads of markers, batch writes, and transactions (which need
 * the per-action rights, plus `ConditionCheckItem`). No `Scan`, `Query` or `GetItem`.
 */
export const STORE_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DeleteItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
] as const;

/** What the function does to the dead-letter table: one conditional put per letter, nothing else. */
export const DEAD_LETTER_ACTIONS = ['dynamodb:PutItem'] as const;

/**
 * What Lambda's event source mapping needs to poll the one stream. `ListStreams` is left out on
 * purpose: it accepts only `*` as resource, and a mapping that names its stream ARN does not list.
 */
export const STREAM_READ_ACTIONS = [
  'dynamodb:DescribeStream',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
] as const;

/** What Lambda needs to report a batch it gave up on to the on-failure queue. */
export const QUEUE_SEND_ACTIONS = ['sqs:SendMessage'] as const;
