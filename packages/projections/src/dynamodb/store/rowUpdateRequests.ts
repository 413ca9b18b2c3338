import type { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as E from 'fp-ts/lib/Either.js';
import type { Row, RowKey } from '../../plan/row.js';
import type { Contribute } from '../../plan/write.js';
import {
  type CorruptRowMarker,
  planRowGroup,
  type RowGroupUpdate,
  rowMarkerAttribute,
} from '../../store/rowMarkers.js';

/** The UpdateItem input lib-dynamodb takes. */
export type UpdateInput = ConstructorParameters<typeof UpdateCommand>[0];

/** One UpdateItem of a group row and the writes (indices into the row's writes) it applies. */
export interface RowUpdateRequest {
  readonly applies: readonly number[];
  readonly input: UpdateInput;
}

/**
 * Markers set or dropped by one UpdateItem. Each adds at most 31 characters to either expression
 * (`attribute_not_exists(#m49) AND `) and 3 operators (its SET, its condition, an AND), so 50
 * keep both far inside DynamoDB's 4 KB and 300-operator limits, whatever the names (placeholders)
 * and the amounts add (a handful of `#aN :aN` terms).
 */
export const MARKERS_PER_UPDATE = 50;

type Part = Pick<RowGroupUpdate, 'amounts' | 'set' | 'drop' | 'seen'>;

// Every name goes through a placeholder: marker ids hold `|`, `#`, `.` and anything else.
const updateInput = (tableName: string, key: RowKey, part: Part): UpdateInput => {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const conditions: string[] = [];
  const guard = (placeholder: string, attribute: string) => {
    const seen = part.seen.get(attribute);
    if (seen === undefined) return conditions.push(`attribute_not_exists(${placeholder})`);
    names['#seq'] = 'sequenceNumber';
    values[`:s${placeholder.slice(1)}`] = seen;
    return conditions.push(`${placeholder}.#seq = :s${placeholder.slice(1)}`);
  };
  const sets: string[] = [];
  for (const [attribute, marker] of part.set) {
    const at = `#m${sets.length}`;
    names[at] = attribute;
    values[`:${at.slice(1)}`] = marker;
    sets.push(`${at} = :${at.slice(1)}`);
    guard(at, attribute);
  }
  const adds: string[] = [];
  for (const name in part.amounts) {
    const at = `#a${adds.length}`;
    names[at] = name;
    values[`:${at.slice(1)}`] = part.amounts[name];
    adds.push(`${at} :${at.slice(1)}`);
  }
  const removes: string[] = [];
  for (const attribute of part.drop) {
    const at = `#d${removes.length}`;
    names[at] = attribute;
    removes.push(at);
    guard(at, attribute);
  }
  const clauses = [
    sets.length > 0 ? `SET ${sets.join(', ')}` : '',
    adds.length > 0 ? `ADD ${adds.join(', ')}` : '',
    removes.length > 0 ? `REMOVE ${removes.join(', ')}` : '',
  ];
  return {
    TableName: tableName,
    Key: key,
    UpdateExpression: clauses.filter((clause) => clause !== '').join(' '),
    ConditionExpression: conditions.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
};

type Slot = { readonly drop: string } | { readonly writes: readonly number[] };

// Drops first, then the applied writes by marker attribute (first-seen order): one slot per
// marker, so a marker and its deltas never part.
const slotsOf = (writes: readonly Contribute[], plan: RowGroupUpdate): Slot[] => {
  const byMarker = new Map<string, number[]>();
  for (const i of plan.applied) {
    const attribute = rowMarkerAttribute(writes[i]!.markerId);
    byMarker.set(attribute, [...(byMarker.get(attribute) ?? []), i]);
  }
  return [
    ...plan.drop.map((drop) => ({ drop })),
    ...[...byMarker.values()].map((indices) => ({ writes: indices })),
  ];
};

// One request's share of the plan: its drops, and its markers planned anew by the same rule
// (each marker's delta depends on that marker alone, so the shares add up to the whole plan).
const partOf = (
  tableName: string,
  key: RowKey,
  row: Row | undefined,
  writes: readonly Contribute[],
  plan: RowGroupUpdate,
  slots: readonly Slot[],
): E.Either<CorruptRowMarker, RowUpdateRequest> => {
  const drop = slots.flatMap((slot) => ('drop' in slot ? [slot.drop] : []));
  const applies = slots.flatMap((slot) => ('writes' in slot ? slot.writes : []));
  const own =
    applies.length === 0
      ? E.right({ amounts: {}, set: new Map() })
      : planRowGroup(
          tableName,
          key,
          row,
          applies.map((i) => writes[i]!),
        );
  if (E.isLeft(own)) return own;
  const { amounts, set } = own.right;
  const seen = new Map([...set.keys(), ...drop].map((name) => [name, plan.seen.get(name)]));
  return E.right({ applies, input: updateInput(tableName, key, { amounts, set, drop, seen }) });
};

/**
 * The UpdateItem requests that carry `plan` (`planRowGroup` of `writes` against `row`) to the
 * group row, each conditioned on every marker it moves: one, unless more than
 * `MARKERS_PER_UPDATE` markers move. Then each request holds whole markers and exactly their
 * deltas, drops first, so whichever prefix of the requests lands leaves a consistent row.
 */
export const rowUpdateRequests = (
  tableName: string,
  key: RowKey,
  row: Row | undefined,
  writes: readonly Contribute[],
  plan: RowGroupUpdate,
): E.Either<CorruptRowMarker, RowUpdateRequest[]> => {
  if (plan.applied.length === 0) return E.right([]);
  if (plan.set.size + plan.drop.length <= MARKERS_PER_UPDATE)
    return E.right([{ applies: plan.applied, input: updateInput(tableName, key, plan) }]);
  const slots = slotsOf(writes, plan);
  const requests: RowUpdateRequest[] = [];
  for (let start = 0; start < slots.length; start += MARKERS_PER_UPDATE) {
    const part = partOf(
      tableName,
      key,
      row,
      writes,
      plan,
      slots.slice(start, start + MARKERS_PER_UPDATE),
    );
    if (E.isLeft(part)) return part;
    requests.push(part.right);
  }
  return E.right(requests);
};
