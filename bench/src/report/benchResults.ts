import type { BenchSizes, Measurement } from '../cli/benchOptions.js';
import type { ColdStartResult } from '../coldStart/measureColdStart.js';
import type { CostRow } from '../cost/measureRequestCosts.js';
import type { InProcessResult } from '../inProcess/measureInProcess.js';
import type { PollerLag } from '../lag/measurePollerLag.js';
import type { ReplayResult } from '../replay/replay.js';
import type { ThroughputResult } from '../throughput/measureThroughput.js';
import type { MachineInfo } from './machineInfo.js';

/** Everything one `pnpm bench` run measured; a measurement not run is absent. */
export interface BenchResults {
  readonly machine: MachineInfo;
  readonly quick: boolean;
  readonly sizes: BenchSizes;
  readonly ran: readonly Measurement[];
  readonly durationSeconds: number;
  /** 1-minute load average when the run ended. */
  readonly loadAtEnd: number;
  readonly throughput?: ThroughputResult;
  readonly cost?: readonly CostRow[];
  readonly coldStart?: ColdStartResult;
  readonly replay?: ReplayResult;
  /** The same replay through util-dynamodb's `unmarshall` only: what the records cost bare. */
  readonly replayReference?: ReplayResult;
  readonly lag?: readonly PollerLag[];
  /** Issue 13: the in-process DynamoDB against DynamoDB Local, and the SDK path against the direct API. */
  readonly inProcess?: InProcessResult;
  /** Measurements that threw, with the error: the report says so instead of leaving a gap. */
  readonly failures: readonly { readonly measurement: Measurement; readonly message: string }[];
}
