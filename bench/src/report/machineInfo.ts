import { cpus, loadavg, release, totalmem, type } from 'node:os';

/** Where and when the benchmark ran. */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryBytes: number;
  readonly os: string;
  readonly node: string;
  readonly date: string;
  /** 1-minute load average when the run started: above the core count, other work was competing. */
  readonly loadAtStart: number;
}

/** Describes this machine now. */
export const machineInfo = (): MachineInfo => {
  const cores = cpus();
  return {
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryBytes: totalmem(),
    os: `${type()} ${release()}`,
    node: process.version,
    date: new Date().toISOString(),
    loadAtStart: loadavg()[0] ?? 0,
  };
};
