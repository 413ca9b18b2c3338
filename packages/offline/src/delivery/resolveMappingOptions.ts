import { type FilterCriteria, parseFilterCriteria } from '@sluice/core';
import * as E from 'fp-ts/lib/Either.js';
import type { EventSourceMappingOptions } from './eventSourceMappingOptions.js';

/** Settings with Lambda's defaults applied. */
export interface ResolvedMappingOptions {
  readonly batchSize: number;
  readonly startingPosition: 'TRIM_HORIZON' | 'LATEST';
  readonly filter: FilterCriteria | undefined;
  readonly reportsItemFailures: boolean;
  readonly bisect: boolean;
  /** -1: no limit. */
  readonly maxRetries: number;
  /** Records older than this are discarded (the 24-hour retention when unset). */
  readonly maxRecordAgeMs: number;
  readonly parallelization: number;
}

/**
 * A setting `CreateEventSourceMapping` would refuse (`InvalidParameterValueException`). Thrown:
 * a mapping that cannot exist is a mistake in the test, not a delivery outcome.
 */
export class InvalidEventSourceMapping extends Error {
  readonly _tag = 'InvalidEventSourceMapping';
  override readonly name = 'InvalidEventSourceMapping';
}

const RETENTION_SECONDS = 24 * 60 * 60;

const inRange = (name: string, value: number, min: number, max: number, also?: number): number => {
  if (!Number.isInteger(value) || ((value < min || value > max) && value !== also)) {
    const allowed = also === undefined ? `${min}–${max}` : `${also} or ${min}–${max}`;
    throw new InvalidEventSourceMapping(`${name} must be an integer ${allowed}, got ${value}`);
  }
  return value;
};

const filterOf = (
  criteria: EventSourceMappingOptions['FilterCriteria'],
): FilterCriteria | undefined => {
  if (criteria === undefined) return undefined;
  if ('_tag' in criteria) return criteria;
  const parsed = parseFilterCriteria(criteria);
  if (E.isLeft(parsed))
    throw new InvalidEventSourceMapping(`FilterCriteria: ${parsed.left.message}`);
  return parsed.right;
};

/** Validates the settings like the Lambda API and applies its defaults. */
export const resolveMappingOptions = (
  options: EventSourceMappingOptions = {},
): ResolvedMappingOptions => {
  const maxAge = inRange(
    'MaximumRecordAgeInSeconds',
    options.MaximumRecordAgeInSeconds ?? -1,
    60,
    604_800,
    -1,
  );
  return {
    batchSize: inRange('BatchSize', options.BatchSize ?? 100, 1, 10_000),
    startingPosition: options.StartingPosition ?? 'TRIM_HORIZON',
    filter: filterOf(options.FilterCriteria),
    reportsItemFailures:
      options.FunctionResponseTypes?.includes('ReportBatchItemFailures') ?? false,
    bisect: options.BisectBatchOnFunctionError ?? false,
    maxRetries: inRange('MaximumRetryAttempts', options.MaximumRetryAttempts ?? -1, 0, 10_000, -1),
    // Past the stream's retention a record is gone anyway, whatever the setting says.
    maxRecordAgeMs: Math.min(maxAge === -1 ? RETENTION_SECONDS : maxAge, RETENTION_SECONDS) * 1000,
    parallelization: inRange('ParallelizationFactor', options.ParallelizationFactor ?? 1, 1, 10),
  };
};
