import { deadLetterTableSpec } from '../deadLetter/deadLetterTableSpec.js';
import type { TableSpec } from '../dynamodb/tables/tableSpec.js';
import {
  type EventSourceMappingSettings,
  recommendedEventSourceMapping,
} from '../lambda/eventSourceMapping.js';
import { filterCriteriaOf } from '../lambda/filterCriteriaOf.js';
import type { Projection } from '../projection/projection.js';
import {
  DEAD_LETTER_ACTIONS,
  QUEUE_SEND_ACTIONS,
  STORE_ACTIONS,
  STREAM_READ_ACTIONS,
} from './tableAccess.js';
import { tableVariable } from './tableVariable.js';

/** What a projection stack is built from: the handler's own definitions. */
export interface ProjectionStackInput {
  /** The projections the handler runs (their filters become the mapping's `FilterCriteria`). */
  readonly projections: readonly Projection[];
  /** Every table the projections write: targets, markers, tombstones. */
  readonly tables: readonly TableSpec[];
  /** Where poison records go (default `deadLetterTableSpec('deadLetters')`, i.e. `DEAD_LETTERS_TABLE`). */
  readonly deadLetters?: TableSpec;
}

/** A table the function writes, as deployed: keys, TTL, the variable naming it, the rights on it. */
export interface WrittenTable {
  readonly spec: TableSpec;
  readonly timeToLiveAttribute?: string;
  /** The environment variable `deployedTableNames` reads its deployed name from. */
  readonly variable: string;
  readonly actions: readonly string[];
}

/** The mapping settings without the destination, which only a template can name. */
export type MappingSettings = Omit<EventSourceMappingSettings, 'DestinationConfig'>;

/** One right of the function's role, on a resource named by what it is rather than an ARN. */
export interface Permission {
  readonly actions: readonly string[];
  readonly resource:
    | { readonly _tag: 'Table'; readonly tableName: string }
    | { readonly _tag: 'SourceStream' }
    | { readonly _tag: 'OnFailureQueue' };
}

/**
 * Everything a stack for these projections deploys, as plain data, for the SAM builder and the
 * CDK construct alike: the tables with their keys and TTL, the function's environment, the event
 * source mapping, and exactly the rights the function uses.
 */
export interface ProjectionStackSpec {
  /** The projections' tables, then the dead-letter table. */
  readonly written: readonly WrittenTable[];
  readonly deadLetters: TableSpec;
  readonly mapping: MappingSettings;
  readonly permissions: readonly Permission[];
}

type WithTtl = TableSpec & { readonly timeToLiveAttribute?: string };

const writtenTable = (spec: WithTtl, actions: readonly string[]): WrittenTable => ({
  spec,
  ...(spec.timeToLiveAttribute === undefined
    ? {}
    : { timeToLiveAttribute: spec.timeToLiveAttribute }),
  variable: tableVariable(spec),
  actions,
});

/** The stack these projections need; throws on two tables with one name (a programmer error). */
export const projectionStackSpec = (input: ProjectionStackInput): ProjectionStackSpec => {
  const deadLetters = input.deadLetters ?? deadLetterTableSpec('deadLetters');
  const written = [
    ...input.tables.map((t) => writtenTable(t, STORE_ACTIONS)),
    writtenTable(deadLetters, DEAD_LETTER_ACTIONS),
  ];
  const names = written.map((t) => t.spec.tableName);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) throw new Error(`table ${twice} is declared twice`);
  const { DestinationConfig: _placeholder, ...mapping } = recommendedEventSourceMapping(
    filterCriteriaOf(input.projections),
  );
  return {
    written,
    deadLetters,
    mapping,
    permissions: [
      { actions: STREAM_READ_ACTIONS, resource: { _tag: 'SourceStream' } },
      ...written.map(
        (t): Permission => ({
          actions: t.actions,
          resource: { _tag: 'Table', tableName: t.spec.tableName },
        }),
      ),
      { actions: QUEUE_SEND_ACTIONS, resource: { _tag: 'OnFailureQueue' } },
    ],
  };
};
