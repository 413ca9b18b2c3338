import { randomUUID } from 'node:crypto';
import {
  DescribeStreamCommand,
  type DescribeStreamInput,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  type GetRecordsInput,
  GetShardIteratorCommand,
  type GetShardIteratorInput,
  ListStreamsCommand,
  type ListStreamsInput,
  type ListStreamsOutput,
} from '@aws-sdk/client-dynamodb-streams';
import type { InMemoryStream } from './inMemoryStream.js';
import { decodeShardIterator } from './shardIterator.js';
import { resourceNotFound, streamValidationException } from './streamErrors.js';

type Operation = 'DescribeStream' | 'GetShardIterator' | 'GetRecords' | 'ListStreams';

/** The operation a command stands for: by class, else by its schema or class name (another SDK copy). */
const operationOf = (command: unknown): string | undefined => {
  if (command instanceof GetRecordsCommand) return 'GetRecords';
  if (command instanceof GetShardIteratorCommand) return 'GetShardIterator';
  if (command instanceof DescribeStreamCommand) return 'DescribeStream';
  if (command instanceof ListStreamsCommand) return 'ListStreams';
  const schema = (command as { schema?: unknown } | undefined)?.schema;
  if (Array.isArray(schema) && typeof schema[2] === 'string') return schema[2];
  const name = (command as { constructor?: { name?: string } } | undefined)?.constructor?.name;
  return name?.endsWith('Command') ? name.slice(0, -'Command'.length) : undefined;
};

type Callback = (error: unknown, data?: unknown) => void;

/**
 * A stand-in for `DynamoDBStreamsClient` over in-memory streams: `send()` answers DescribeStream,
 * GetShardIterator, GetRecords and ListStreams commands with the SDK's output shapes (including
 * `$metadata`) and rejects with the SDK's exceptions, so a poller written for the real client runs
 * unchanged. Pass it wherever a `Pick<DynamoDBStreamsClient, 'send'>` is expected.
 */
export class InMemoryStreamsClient implements Pick<DynamoDBStreamsClient, 'send'> {
  private readonly streams = new Map<string, InMemoryStream>();

  constructor(streams: Iterable<InMemoryStream> = []) {
    for (const stream of streams) this.add(stream);
  }

  /** Makes another stream reachable through this client. */
  add(stream: InMemoryStream): this {
    this.streams.set(stream.streamArn, stream);
    return this;
  }

  /** Answers a Streams command, as a promise or through a callback like the SDK client. */
  readonly send: DynamoDBStreamsClient['send'] = ((
    command: unknown,
    optionsOrCallback?: unknown,
    callback?: unknown,
  ) => {
    const done = (typeof optionsOrCallback === 'function' ? optionsOrCallback : callback) as
      | Callback
      | undefined;
    const result = new Promise((resolve) => resolve(this.answer(command))).then((output) => ({
      ...(output as object),
      $metadata: { httpStatusCode: 200, requestId: randomUUID(), attempts: 1, totalRetryDelay: 0 },
    }));
    if (done === undefined) return result;
    result.then(
      (data) => done(null, data),
      (error: unknown) => done(error),
    );
    return undefined;
  }) as DynamoDBStreamsClient['send'];

  private answer(command: unknown): unknown {
    const input = (command as { input?: unknown } | undefined)?.input ?? {};
    return this.operate(operationOf(command), input);
  }

  /**
   * Answers one Streams operation by name (`GetRecords`, …) with its output, or throws the SDK's
   * exception: the same answers `send()` gives, for servers that receive operations off the wire.
   */
  operate(operation: string | undefined, input: unknown): unknown {
    switch (operation as Operation | undefined) {
      case 'DescribeStream':
        return this.stream((input as DescribeStreamInput).StreamArn).describeStream(
          input as DescribeStreamInput,
        );
      case 'GetShardIterator':
        return this.stream((input as GetShardIteratorInput).StreamArn).getShardIterator(
          input as GetShardIteratorInput,
        );
      case 'GetRecords': {
        const iterator = decodeShardIterator((input as GetRecordsInput).ShardIterator);
        if (iterator === undefined) throw streamValidationException('Invalid ShardIterator');
        return this.stream(iterator.streamArn).getRecords(input as GetRecordsInput);
      }
      case 'ListStreams':
        return this.listStreams(input as ListStreamsInput);
      default:
        throw streamValidationException(
          `InMemoryStreamsClient does not support ${operation ?? 'this command'}`,
        );
    }
  }

  private stream(arn: string | undefined): InMemoryStream {
    const stream = arn === undefined ? undefined : this.streams.get(arn);
    if (stream === undefined)
      throw resourceNotFound(`Requested resource not found: Stream: ${arn} not found`);
    return stream;
  }

  private listStreams(input: ListStreamsInput): Omit<ListStreamsOutput, '$metadata'> {
    const limit = input.Limit ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      throw streamValidationException(
        'One or more parameter values were invalid: Limit must be between 1 and 100',
      );
    }
    const all = [...this.streams.values()].filter(
      (s) => input.TableName === undefined || s.tableName === input.TableName,
    );
    const start =
      input.ExclusiveStartStreamArn === undefined
        ? 0
        : all.findIndex((s) => s.streamArn === input.ExclusiveStartStreamArn) + 1;
    const page = all.slice(start, start + limit);
    const more = start + limit < all.length;
    return {
      Streams: page.map((s) => ({
        StreamArn: s.streamArn,
        TableName: s.tableName,
        StreamLabel: s.streamLabel,
      })),
      ...(more ? { LastEvaluatedStreamArn: page[page.length - 1]?.streamArn } : {}),
    };
  }
}
