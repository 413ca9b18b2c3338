import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

const Digits = new t.Type<string, string, unknown>(
  'SequenceNumber',
  (u): u is string => typeof u === 'string' && /^\d{1,40}$/.test(u),
  (u, c) => (typeof u === 'string' && /^\d{1,40}$/.test(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/** Where the records of a batch Lambda gave up on are: the `DDBStreamBatchInfo` of its on-failure record. */
export const BatchInfo = t.intersection([
  t.type({
    shardId: t.string,
    startSequenceNumber: Digits,
    endSequenceNumber: Digits,
    streamArn: t.string,
  }),
  t.partial({
    approximateArrivalOfFirstRecord: t.string,
    approximateArrivalOfLastRecord: t.string,
    batchSize: t.number,
  }),
]);
/** A `DDBStreamBatchInfo`. */
export type BatchInfo = t.TypeOf<typeof BatchInfo>;

/** The input holds something that is not an on-failure record. */
export interface InvalidFailureRecord {
  readonly _tag: 'InvalidFailureRecord';
  readonly message: string;
}

const invalid = (message: string): E.Either<InvalidFailureRecord, never> =>
  E.left({ _tag: 'InvalidFailureRecord', message });

const objectField = (value: unknown, name: string): unknown =>
  value !== null && typeof value === 'object'
    ? (value as Record<string, unknown>)[name]
    : undefined;

// An on-failure record, its bare batch info, or an SQS message (or receive-message output) holding them.
const infosIn = (value: unknown, where: string): E.Either<InvalidFailureRecord, BatchInfo[]> => {
  if (Array.isArray(value)) {
    const all: BatchInfo[] = [];
    for (const [i, inner] of value.entries()) {
      const found = infosIn(inner, `${where}[${i}]`);
      if (E.isLeft(found)) return found;
      all.push(...found.right);
    }
    return E.right(all);
  }
  const messages = objectField(value, 'Messages') ?? objectField(value, 'Records');
  if (Array.isArray(messages)) return infosIn(messages, `${where}.Messages`);
  const body = objectField(value, 'Body') ?? objectField(value, 'body');
  if (typeof body === 'string') return parseFailureRecords(body, `${where}.Body`);
  const info = objectField(value, 'DDBStreamBatchInfo') ?? value;
  const decoded = BatchInfo.decode(info);
  if (E.isRight(decoded)) return E.right([decoded.right]);
  return invalid(
    `${where} is not a DynamoDB on-failure record (DDBStreamBatchInfo with shardId, ` +
      'startSequenceNumber, endSequenceNumber and streamArn)',
  );
};

/**
 * Reads Lambda's on-failure records from text: one JSON value or JSON lines, each an on-failure
 * record, its `DDBStreamBatchInfo`, an array of those, or SQS messages whose `Body` holds them.
 */
export const parseFailureRecords = (
  text: string,
  where = 'input',
): E.Either<InvalidFailureRecord, BatchInfo[]> => {
  const trimmed = text.trim();
  if (trimmed === '') return E.right([]);
  try {
    return infosIn(JSON.parse(trimmed), where);
  } catch {
    const lines = trimmed.split('\n').filter((line) => line.trim() !== '');
    const all: BatchInfo[] = [];
    for (const [i, line] of lines.entries()) {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        return invalid(`${where} line ${i + 1} is not JSON: ${(error as Error).message}`);
      }
      const found = infosIn(value, `${where} line ${i + 1}`);
      if (E.isLeft(found)) return found;
      all.push(...found.right);
    }
    return E.right(all);
  }
};
