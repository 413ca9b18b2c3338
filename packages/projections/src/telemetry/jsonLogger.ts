import type { LogFields, StructuredLogger } from './telemetry.js';

/** A logger writing one JSON object per line: level, message, time, and the fields given. */
export const jsonLogger = (
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  now: () => Date = () => new Date(),
): StructuredLogger => {
  const log =
    (level: string) =>
    (message: string, fields: LogFields = {}) =>
      write(JSON.stringify({ level, message, timestamp: now().toISOString(), ...fields }));
  return { info: log('INFO'), warn: log('WARN'), error: log('ERROR') };
};
