import {
  type _Record,
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ResourceNotFoundException,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';

/** A shard of a scripted stream: its records' sequence numbers, lineage and whether it is closed. */
export interface ScriptedShard {
  readonly shardId: string;
  readonly parentShardId?: string;
  readonly sequenceNumbers: number[];
  closed: boolean;
}

/** A fault to raise on the next matching call (then it is used up). */
export type ScriptedFault =
  | 'ExpiredIteratorException'
  | 'TrimmedDataAccessException'
  | 'InvalidShardId'
  | 'DropNextIterator';

const meta = { $metadata: {} };
const seq = (n: number) => String(n).padStart(21, '0');

/**
 * A tiny Streams API double for poller tests: shards with lineage, `send()` for the three
 * commands, DescribeStream paged two shards at a time, and scripted faults per shard, including
 * DynamoDB Local's quirks (spurious trims, "Invalid ShardId in ShardIterator", open shards
 * without a next iterator).
 */
export class ScriptedStream {
  readonly streamArn =
    'arn:aws:dynamodb:local:000000000000:table/scripted/stream/2024-01-01T00:00:00.000';
  readonly shards: ScriptedShard[] = [];
  readonly faults = new Map<string, ScriptedFault[]>();
  /** Calls received, by command name. */
  readonly calls: string[] = [];

  /** Adds a shard. */
  shard(
    shardId: string,
    sequenceNumbers: number[],
    options: { parent?: string; closed?: boolean } = {},
  ): this {
    this.shards.push({
      shardId,
      sequenceNumbers,
      closed: options.closed ?? false,
      ...(options.parent === undefined ? {} : { parentShardId: options.parent }),
    });
    return this;
  }

  /** Queues faults for a shard's next reads. */
  fail(shardId: string, ...faults: ScriptedFault[]): this {
    this.faults.set(shardId, [...(this.faults.get(shardId) ?? []), ...faults]);
    return this;
  }

  /** The client to give the poller. */
  get client(): Pick<DynamoDBStreamsClient, 'send'> {
    return { send: ((command: unknown) => this.send(command)) as DynamoDBStreamsClient['send'] };
  }

  private nextFault(shardId: string, kinds: readonly ScriptedFault[]): ScriptedFault | undefined {
    const queue = this.faults.get(shardId) ?? [];
    const index = queue.findIndex((f) => kinds.includes(f));
    if (index < 0) return undefined;
    return queue.splice(index, 1)[0];
  }

  private async send(command: unknown): Promise<unknown> {
    await Promise.resolve();
    if (command instanceof DescribeStreamCommand) {
      this.calls.push('DescribeStream');
      const start = command.input.ExclusiveStartShardId;
      const from = start === undefined ? 0 : this.shards.findIndex((s) => s.shardId === start) + 1;
      const page = this.shards.slice(from, from + 2);
      return {
        ...meta,
        StreamDescription: {
          Shards: page.map((s) => ({
            ShardId: s.shardId,
            ParentShardId: s.parentShardId,
            SequenceNumberRange: {
              StartingSequenceNumber: seq(s.sequenceNumbers[0] ?? 0),
              ...(s.closed ? { EndingSequenceNumber: seq(s.sequenceNumbers.at(-1) ?? 0) } : {}),
            },
          })),
          ...(from + 2 < this.shards.length ? { LastEvaluatedShardId: page.at(-1)?.shardId } : {}),
        },
      };
    }
    if (command instanceof GetShardIteratorCommand) {
      this.calls.push('GetShardIterator');
      const { ShardId, ShardIteratorType, SequenceNumber } = command.input;
      const shard = this.shards.find((s) => s.shardId === ShardId);
      if (!shard) throw new ResourceNotFoundException({ message: 'Shard does not exist', ...meta });
      const position =
        ShardIteratorType === 'TRIM_HORIZON'
          ? 0
          : ShardIteratorType === 'LATEST'
            ? shard.sequenceNumbers.length
            : shard.sequenceNumbers.filter((n) => n <= Number(SequenceNumber)).length;
      return { ...meta, ShardIterator: `${shard.shardId}|${position}` };
    }
    if (command instanceof GetRecordsCommand) {
      this.calls.push('GetRecords');
      const [shardId = '', at = '0'] = (command.input.ShardIterator ?? '').split('|');
      const shard = this.shards.find((s) => s.shardId === shardId);
      if (!shard) throw new ResourceNotFoundException({ message: 'Shard does not exist', ...meta });
      const fault = this.nextFault(shardId, [
        'ExpiredIteratorException',
        'TrimmedDataAccessException',
        'InvalidShardId',
        'DropNextIterator',
      ]);
      if (fault === 'ExpiredIteratorException')
        throw new ExpiredIteratorException({ message: 'Iterator expired', ...meta });
      if (fault === 'TrimmedDataAccessException')
        throw new TrimmedDataAccessException({ message: 'trimmed', ...meta });
      if (fault === 'InvalidShardId')
        throw new ResourceNotFoundException({
          message: 'Invalid ShardId in ShardIterator',
          ...meta,
        });
      const from = Number(at);
      const limit = command.input.Limit ?? 1000;
      const numbers = shard.sequenceNumbers.slice(from, from + limit);
      const Records: _Record[] = numbers.map((n) => ({
        eventID: `${shardId}-${n}`,
        eventName: 'INSERT',
        dynamodb: { SequenceNumber: seq(n), Keys: { pk: { S: `k${n}` } } },
      }));
      const next = from + numbers.length;
      const ended = shard.closed && next >= shard.sequenceNumbers.length;
      return {
        ...meta,
        Records,
        ...(ended || fault === 'DropNextIterator'
          ? {}
          : { NextShardIterator: `${shardId}|${next}` }),
      };
    }
    throw new Error(`ScriptedStream cannot answer ${String(command)}`);
  }
}
