import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { KeySchema } from '../../item/keySchema.js';
import type { ConformanceWrite } from './conformanceWrite.js';

/** A key schema and a write script to run on both implementations. */
export interface ConformanceScenario {
  readonly name: string;
  readonly keySchema: KeySchema;
  readonly writes: readonly ConformanceWrite[];
}

const bytes = (...values: number[]): AttributeValue => ({ B: new Uint8Array(values) });
const S = (value: string): AttributeValue => ({ S: value });
const N = (value: string): AttributeValue => ({ N: value });

const key = (pk: string, sk: string) => ({ pk: S(pk), sk: N(sk) });

/** One attribute of every type, plus the edge values DynamoDB canonicalizes or limits. */
const everyType = {
  ...key('all-types', '1'),
  text: S('plain ✓ ünïcödé 𝄞'),
  emptyText: S(''),
  integer: N('42'),
  negative: N('-3.25'),
  longest: N('12345678901234567890123456789012345678'),
  largest: N('9.9999999999999999999999999999999999999E+125'),
  smallest: N('1E-130'),
  padded: N('0001.500'),
  exponent: N('1e3'),
  negativeZero: N('-0'),
  binary: bytes(0, 1, 2, 255),
  emptyBinary: bytes(),
  strings: { SS: ['b', 'a', 'c'] },
  numbers: { NS: ['1', '2.50', '-10', '1e3'] },
  binaries: { BS: [new Uint8Array([1]), new Uint8Array([2, 3])] },
  map: {
    M: {
      nested: { M: { deep: { L: [S('x'), N('1'), { NULL: true }] } } },
      flag: { BOOL: true },
      empty: S(''),
    },
  },
  list: { L: [S('a'), N('2'), bytes(9), { SS: ['z'] }, { M: {} }, { L: [] }] },
  nothing: { NULL: true },
  yes: { BOOL: true },
  no: { BOOL: false },
  emptyMap: { M: {} },
  emptyList: { L: [] },
} satisfies Record<string, AttributeValue>;

const { padded: _padded, ...everyTypeCanonicalNumbers } = everyType;

/** Every attribute type and every kind of write, including those that must emit nothing. */
const everyWriteKind: ConformanceScenario = {
  name: 'every attribute type and write kind',
  keySchema: { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'N' } },
  writes: [
    { kind: 'put', item: everyType },
    // The same item again, then spelled differently (number forms, set order): no record.
    { kind: 'put', item: everyType },
    {
      kind: 'put',
      item: {
        ...everyTypeCanonicalNumbers,
        padded: N('1.5'),
        integer: N('42.000'),
        strings: { SS: ['c', 'a', 'b'] },
        numbers: { NS: ['1e3', '-10', '2.5', '1'] },
      },
    },
    { kind: 'update', key: key('all-types', '1'), update: { set: { text: everyType.text } } },
    { kind: 'update', key: key('all-types', '1'), update: { remove: ['noSuchAttribute'] } },
    {
      kind: 'update',
      key: key('all-types', '1'),
      update: { set: { text: S('changed') }, remove: ['emptyText', 'nothing'] },
    },
    {
      kind: 'update',
      key: key('all-types', '1'),
      update: { add: { integer: N('0.5'), strings: { SS: ['d'] }, counter: N('7') } },
    },
    {
      kind: 'update',
      key: key('all-types', '1'),
      update: { delete: { numbers: { NS: ['1', '2.5'] } } },
    },
    // Deleting every element removes the set attribute.
    {
      kind: 'update',
      key: key('all-types', '1'),
      update: { delete: { binaries: { BS: [new Uint8Array([1]), new Uint8Array([2, 3])] } } },
    },
    // An update of a missing item creates it, even with REMOVE only.
    { kind: 'update', key: key('created', '1'), update: { set: { value: N('1') } } },
    { kind: 'update', key: key('created', '2'), update: { remove: ['value'] } },
    {
      kind: 'update',
      key: key('created', '3'),
      update: { add: { total: N('5'), tags: { SS: ['x'] } } },
    },
    { kind: 'delete', key: key('missing', '1') },
    { kind: 'delete', key: key('created', '1') },
    { kind: 'put', item: { ...key('created', '1'), value: N('2') } },
    // Replacing the whole item with a smaller one.
    { kind: 'put', item: { ...key('all-types', '1'), text: S('small') } },
    // Conditions: a failed one changes nothing and emits nothing.
    {
      kind: 'put',
      item: { ...key('created', '1'), value: N('3') },
      condition: { type: 'itemNotExists' },
    },
    { kind: 'delete', key: key('missing', '2'), condition: { type: 'itemExists' } },
    {
      kind: 'update',
      key: key('created', '1'),
      update: { set: { value: N('4') } },
      condition: { type: 'attributesEqual', attributes: { value: N('2.0') } },
    },
    {
      kind: 'update',
      key: key('created', '1'),
      update: { set: { value: N('5') } },
      condition: { type: 'attributesEqual', attributes: { value: N('2') } },
    },
    {
      kind: 'batch',
      requests: [
        { put: { ...key('batch', '1'), value: S('one') } },
        { put: { ...key('batch', '2'), value: S('two') } },
        { delete: key('created', '2') },
        { delete: key('missing', '3') },
      ],
    },
    {
      kind: 'transact',
      actions: [
        { kind: 'put', item: { ...key('tx', '1'), value: S('tx') } },
        { kind: 'update', key: key('batch', '1'), update: { set: { value: S('uno') } } },
        { kind: 'delete', key: key('batch', '2') },
      ],
    },
    // A transaction whose condition fails applies nothing.
    {
      kind: 'transact',
      actions: [
        { kind: 'put', item: { ...key('tx', '2'), value: S('never') } },
        { kind: 'delete', key: key('tx', '1'), condition: { type: 'itemNotExists' } },
      ],
    },
    // Invalid writes: rejected with the same error, no record.
    { kind: 'put', item: { ...key('invalid', '1'), strings: { SS: ['a', 'a'] } } },
    { kind: 'put', item: { ...key('invalid', '2'), numbers: { NS: [] } } },
    { kind: 'put', item: { ...key('invalid', '3'), number: N('1E+126') } },
    { kind: 'put', item: { pk: S(''), sk: N('1') } },
    { kind: 'delete', key: key('all-types', '1') },
    { kind: 'put', item: everyType },
  ],
};

/** Numeric and binary keys: their sizes count in `SizeBytes` differently from strings. */
const numericAndBinaryKeys: ConformanceScenario = {
  name: 'numeric partition key and binary sort key',
  keySchema: { partitionKey: { name: 'id', type: 'N' }, sortKey: { name: 'at', type: 'B' } },
  writes: [
    { kind: 'put', item: { id: N('123456789.125'), at: bytes(1, 2, 3), body: S('first') } },
    { kind: 'put', item: { id: N('-7'), at: bytes(0), body: S('second'), weight: N('0.000001') } },
    { kind: 'update', key: { id: N('-7'), at: bytes(0) }, update: { add: { weight: N('1') } } },
    { kind: 'put', item: { id: N('123456789.125'), at: bytes(1, 2, 3), body: S('first, edited') } },
    { kind: 'delete', key: { id: N('-7.0'), at: bytes(0) } },
  ],
};

/**
 * A binary partition key and no sort key. Numbers inside lists and maps are written canonically:
 * DynamoDB Local keeps their text as given (`01.10`) where DynamoDB stores the number (`1.1`).
 */
const binaryPartitionKey: ConformanceScenario = {
  name: 'binary partition key only',
  keySchema: { partitionKey: { name: 'id', type: 'B' } },
  writes: [
    { kind: 'put', item: { id: bytes(255, 254), list: { L: [N('1'), N('1.1')] } } },
    {
      kind: 'update',
      key: { id: bytes(255, 254) },
      update: { set: { list: { L: [N('1'), N('1.1')] } } },
    },
    {
      kind: 'update',
      key: { id: bytes(255, 254) },
      update: { set: { list: { L: [N('1.1'), N('1')] } } },
    },
    { kind: 'delete', key: { id: bytes(255, 254) } },
    { kind: 'put', item: { id: bytes(255, 254) } },
  ],
};

/** The scenarios every view type runs. */
export const conformanceScenarios: readonly ConformanceScenario[] = [
  everyWriteKind,
  numericAndBinaryKeys,
  binaryPartitionKey,
];
