/**
 * The examples of AWS's documentation on Lambda event filtering for DynamoDB, as data:
 * record + pattern + whether Lambda delivers the record. Sources (facts only, restated):
 * - Lambda Developer Guide, "Using event filtering with a DynamoDB event source" and
 *   "Control which events Lambda sends to your function" (comparison operator table, multi-level example);
 * - DynamoDB Developer Guide, "Tutorial #2: Using filters to process some events" and
 *   "DynamoDB Streams and Time to Live" (the TTL-removal filter on userIdentity);
 * - EventBridge User Guide, "Content filtering" (exists on non-leaf nodes), which Lambda's syntax follows;
 * - behaviours recorded against real Lambda by LocalStack's AWS-validated DynamoDB filter tests.
 */
import type { DynamoDBRecord } from 'aws-lambda';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { matchesFilterCriteria, parseFilterCriteria } from './filterCriteria.js';
import { parseFilterPattern } from './filterPattern.js';

/** What the example shows, the `Pattern` text, the record, whether Lambda delivers it. */
type Example = readonly [name: string, pattern: string, record: unknown, delivered: boolean];

const check = (examples: readonly Example[]) =>
  it.each(examples)('%s', (_name, pattern, record, delivered) => {
    const parsed = parseFilterPattern(pattern);
    if (E.isLeft(parsed)) throw new Error(parsed.left.message);
    expect(parsed.right.matches(record)).toBe(delivered);
  });

const customerRecord = (newImage: Record<string, unknown>): DynamoDBRecord => ({
  eventID: '1',
  eventVersion: '1.0',
  dynamodb: {
    ApproximateCreationDateTime: 1678831218,
    Keys: { CustomerName: { S: 'AnyCompany Industries' } },
    NewImage: newImage as never,
    SequenceNumber: '111',
    SizeBytes: 26,
    StreamViewType: 'NEW_IMAGE',
  },
});

const customer = customerRecord({
  AccountManager: { S: 'Pat Candella' },
  PaymentTerms: { S: '60 days' },
  CustomerName: { S: 'AnyCompany Industries' },
});
const otherManager = customerRecord({
  AccountManager: { S: 'Diego Ramirez' },
  PaymentTerms: { S: '60 days' },
  CustomerName: { S: 'AnyCompany Industries' },
});
const otherTerms = customerRecord({
  AccountManager: { S: 'Pat Candella' },
  PaymentTerms: { S: '30 days' },
  CustomerName: { S: 'AnyCompany Industries' },
});
const organizations = customerRecord({
  UserID: { S: '12345' },
  Name: { S: 'John Doe' },
  Organizations: { L: [{ S: 'Sales' }, { S: 'Marketing' }, { S: 'Support' }] },
});

const byKey = (name: string) => `{"dynamodb":{"Keys":{"CustomerName":{"S":["${name}"]}}}}`;
const managers =
  '{"dynamodb":{"NewImage":{"AccountManager":{"S":["Pat Candella","Shirley Rodriguez"]}}}}';
const managerAndTerms =
  '{"dynamodb":{"NewImage":{"AccountManager":{"S":["Pat Candella"]},"PaymentTerms":{"S":["60 days"]}}}}';

describe('Lambda guide: event filtering with a DynamoDB event source', () => {
  check([
    [
      'table key: CustomerName is "AnyCompany Industries"',
      byKey('AnyCompany Industries'),
      customer,
      true,
    ],
    ['table key: another customer is not delivered', byKey('Example Corp'), customer, false],
    ['attribute: AccountManager is Pat Candella or Shirley Rodriguez', managers, customer, true],
    ['attribute: another AccountManager is not delivered', managers, otherManager, false],
    ['boolean AND: AccountManager and PaymentTerms both match', managerAndTerms, customer, true],
    ['boolean AND: one field differs', managerAndTerms, otherTerms, false],
    [
      'exists on a non-leaf node ("Organizations") never matches',
      '{"dynamodb":{"NewImage":{"Organizations":[{"exists":true}]}}}',
      organizations,
      false,
    ],
    [
      'exists on the leaf through the list ("Organizations.L.S") matches',
      '{"dynamodb":{"NewImage":{"Organizations":{"L":{"S":[{"exists":true}]}}}}}',
      organizations,
      true,
    ],
  ]);
});

describe('Lambda guide: multi-level filtering', () => {
  const record: DynamoDBRecord = {
    dynamodb: {
      Keys: { Id: { N: '101' } },
      NewImage: { Message: { S: 'New item!' }, Id: { N: '101' } },
      SequenceNumber: '111',
      SizeBytes: 26,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
  check([
    ['Keys.Id.N is "101"', '{"dynamodb":{"Keys":{"Id":{"N":["101"]}}}}', record, true],
    ['Keys.Id.N is "102"', '{"dynamodb":{"Keys":{"Id":{"N":["102"]}}}}', record, false],
  ]);
});

describe('Lambda guide: comparison operators', () => {
  const either = '{"$or":[{"Location":["New York"]},{"Day":["Monday"]}]}';
  const range = '{"Price":[{"numeric":[">",10,"<=",20]}]}';
  check([
    ['Null: UserID is null', '{"UserID":[null]}', { UserID: null }, true],
    ['Null: a missing UserID is not null', '{"UserID":[null]}', {}, false],
    ['Empty: LastName is empty', '{"LastName":[""]}', { LastName: '' }, true],
    ['Empty: null is not empty', '{"LastName":[""]}', { LastName: null }, false],
    ['Equals: Name is "Alice"', '{"Name":["Alice"]}', { Name: 'Alice' }, true],
    ['Equals: "alice" is not "Alice"', '{"Name":["Alice"]}', { Name: 'alice' }, false],
    [
      'Equals (ignore case): Name is "Alice"',
      '{"Name":[{"equals-ignore-case":"alice"}]}',
      { Name: 'ALICE' },
      true,
    ],
    [
      'And: Location and Day',
      '{"Location":["New York"],"Day":["Monday"]}',
      { Location: 'New York', Day: 'Monday' },
      true,
    ],
    [
      'And: only Location',
      '{"Location":["New York"],"Day":["Monday"]}',
      { Location: 'New York', Day: 'Friday' },
      false,
    ],
    [
      'Or: PaymentType is Credit or Debit',
      '{"PaymentType":["Credit","Debit"]}',
      { PaymentType: 'Debit' },
      true,
    ],
    ['Or (multiple fields): Day matches', either, { Location: 'Boston', Day: 'Monday' }, true],
    ['Or (multiple fields): neither', either, { Location: 'Boston', Day: 'Friday' }, false],
    [
      'Not: Weather is anything but "Raining"',
      '{"Weather":[{"anything-but":["Raining"]}]}',
      { Weather: 'Sunny' },
      true,
    ],
    ['Not: "Raining"', '{"Weather":[{"anything-but":["Raining"]}]}', { Weather: 'Raining' }, false],
    ['Numeric (equals): Price is 100', '{"Price":[{"numeric":["=",100]}]}', { Price: 100 }, true],
    ['Numeric (range): 10 < Price <= 20', range, { Price: 20 }, true],
    ['Numeric (range): Price 10 is excluded', range, { Price: 10 }, false],
    [
      'Exists: ProductName exists',
      '{"ProductName":[{"exists":true}]}',
      { ProductName: 'Widget' },
      true,
    ],
    ['Does not exist: ProductName', '{"ProductName":[{"exists":false}]}', { Price: 1 }, true],
    [
      'Begins with: Region is in the US',
      '{"Region":[{"prefix":"us-"}]}',
      { Region: 'us-west-2' },
      true,
    ],
    [
      'Ends with: FileName ends with .png',
      '{"FileName":[{"suffix":".png"}]}',
      { FileName: 'photo.png' },
      true,
    ],
    [
      'numeric range on a nested field: 50 < Temperature <= 60',
      '{"data":{"Temperature":[{"numeric":[">",50,"<=",60]}]}}',
      { data: { Temperature: 55 } },
      true,
    ],
  ]);
});

const chocolate: DynamoDBRecord = {
  eventID: 'c9fbe7d0261a5163fcb6940593e41797',
  eventName: 'INSERT',
  eventVersion: '1.1',
  eventSource: 'aws:dynamodb',
  awsRegion: 'us-east-2',
  dynamodb: {
    ApproximateCreationDateTime: 1664559083.0,
    Keys: { SK: { S: 'PRODUCT#CHOCOLATE#DARK#1000' }, PK: { S: 'COMPANY#1000' } },
    NewImage: {
      quantity: { N: '50' },
      company_id: { S: '1000' },
      fabric: { S: 'Florida Chocolates' },
      price: { N: '15' },
      stores: { N: '5' },
      product_id: { S: '1000' },
      SK: { S: 'PRODUCT#CHOCOLATE#DARK#1000' },
      PK: { S: 'COMPANY#1000' },
      state: { S: 'FL' },
      type: { S: '' },
    },
    SequenceNumber: '700000000000888747038',
    SizeBytes: 174,
    StreamViewType: 'NEW_AND_OLD_IMAGES',
  },
  eventSourceARN:
    'arn:aws:dynamodb:us-east-2:111122223333:table/chocolate-table-StreamsSampleDDBTable-LUOI6UXQY7J1/stream/2022-09-30T17:05:53.209',
};
const fromCalifornia: DynamoDBRecord = {
  ...chocolate,
  dynamodb: {
    ...chocolate.dynamodb,
    NewImage: { ...chocolate.dynamodb?.NewImage, state: { S: 'CA' } },
  },
};
const otherCompany: DynamoDBRecord = {
  ...fromCalifornia,
  dynamodb: { ...fromCalifornia.dynamodb, Keys: { SK: { S: 'STORE#1' }, PK: { S: 'SHOP#7' } } },
};

const inNewImage = (attributes: string) => `{"dynamodb":{"NewImage":${attributes}}}`;
const keyPrefixes =
  '{"dynamodb":{"Keys":{"PK":{"S":[{"prefix":"COMPANY"}]},"SK":{"S":[{"prefix":"PRODUCT"}]}}}}';
const stateFL = inNewImage('{"state":{"S":["FL"]}}');

describe('DynamoDB guide, tutorial #2: filters on a stream of products', () => {
  check([
    ['Equals: state is FL', stateFL, chocolate, true],
    ['Equals: a product from CA is not delivered', stateFL, fromCalifornia, false],
    ['Or: state is FL or CA', inNewImage('{"state":{"S":["FL","CA"]}}'), fromCalifornia, true],
    [
      'Not: state is anything but FL',
      inNewImage('{"state":{"S":[{"anything-but":["FL"]}]}}'),
      chocolate,
      false,
    ],
    [
      'And: state FL and category CHOCOLATE (there is no category)',
      inNewImage('{"state":{"S":["FL"]},"category":{"S":["CHOCOLATE"]}}'),
      chocolate,
      false,
    ],
    [
      'Empty: product_name is empty (there is none)',
      inNewImage('{"product_name":{"S":[""]}}'),
      chocolate,
      false,
    ],
    ['Empty: type is empty', inNewImage('{"type":{"S":[""]}}'), chocolate, true],
    [
      'Null, written [null]: product_type is not there',
      inNewImage('{"product_type":{"S":[null]}}'),
      chocolate,
      false,
    ],
    [
      'Exists: homemade exists',
      inNewImage('{"homemade":{"S":[{"exists":true}]}}'),
      chocolate,
      false,
    ],
    [
      'Does not exist: homemade',
      inNewImage('{"homemade":{"S":[{"exists":false}]}}'),
      chocolate,
      true,
    ],
    [
      'Begins with: PK begins with COMPANY',
      inNewImage('{"PK":{"S":[{"prefix":"COMPANY"}]}}'),
      chocolate,
      true,
    ],
    [
      'numbers are strings in DynamoDB: numeric never matches N',
      inNewImage('{"quantity":{"N":[{"numeric":[">",10]}]}}'),
      chocolate,
      false,
    ],
    [
      'numbers are strings in DynamoDB: the string matches N',
      inNewImage('{"quantity":{"N":["50"]}}'),
      chocolate,
      true,
    ],
    ['Keys PK and SK both begin with a prefix', keyPrefixes, chocolate, true],
    ['Keys prefixes: another company is not delivered', keyPrefixes, otherCompany, false],
  ]);

  const twoFilters = { Filters: [{ Pattern: keyPrefixes }, { Pattern: stateFL }] };
  it.each([
    ['a CA product of a COMPANY key (first filter)', fromCalifornia, true],
    ['an FL product (second filter)', chocolate, true],
    ['a CA product of another key (neither)', otherCompany, false],
  ] as const)('two filters are ORed: %s', (_name, record, delivered) => {
    const criteria = parseFilterCriteria(twoFilters);
    if (E.isLeft(criteria)) throw new Error(criteria.left.message);
    expect(matchesFilterCriteria(criteria.right, record)).toBe(delivered);
  });
});

const ttlRemoval: DynamoDBRecord = {
  eventID: '2',
  eventName: 'REMOVE',
  eventVersion: '1.1',
  eventSource: 'aws:dynamodb',
  awsRegion: 'us-east-1',
  userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' },
  dynamodb: {
    ApproximateCreationDateTime: 1700000000,
    Keys: { pk: { S: 'session#1' } },
    OldImage: { pk: { S: 'session#1' }, expiresAt: { N: '1699999999' } },
    SequenceNumber: '400000000000000000001',
    SizeBytes: 40,
    StreamViewType: 'NEW_AND_OLD_IMAGES',
  },
};
const { userIdentity: _ttlIdentity, ...userRemoval } = ttlRemoval;

describe('DynamoDB guide: archiving items deleted by TTL', () => {
  const ttlFilter =
    '{"userIdentity":{"type":["Service"],"principalId":["dynamodb.amazonaws.com"]}}';
  check([
    ['a TTL deletion is delivered', ttlFilter, ttlRemoval, true],
    ['a deletion by a caller is not', ttlFilter, userRemoval, false],
  ]);
});

describe('EventBridge guide: exists:false on a field that is not a leaf', () => {
  const pattern = '{"detail":{"c-count":[{"exists":false}]}}';
  check([
    [
      'matches when the field is missing',
      pattern,
      { detail: { state: ['initializing', 'running'] } },
      true,
    ],
    ['matches when the field is an object', pattern, { detail: { 'c-count': { c1: 100 } } }, true],
    ['does not match when the field is a leaf', pattern, { detail: { 'c-count': 5 } }, false],
  ]);
});

describe('behaviours recorded against real Lambda (LocalStack AWS-validated tests)', () => {
  const item = (image: Record<string, unknown>, eventName: 'INSERT' | 'MODIFY' = 'INSERT') => ({
    eventName,
    dynamodb: { NewImage: image, ApproximateCreationDateTime: 1700000000.5 },
  });
  const withS = inNewImage('{"presentKey":{"S":["presentValue"]}}');
  const withoutS = inNewImage('{"presentKey":["presentValue"]}');
  const absent = inNewImage('{"presentKey":[{"exists":false}]}');
  const numericOrNot = inNewImage(
    '{"numericFilter":{"N":[{"numeric":[">",100]},{"anything-but":"101"}]}}',
  );
  const present = item({ presentKey: { S: 'presentValue' } });
  check([
    ['eventName INSERT: an insert', '{"eventName":["INSERT"]}', item({}), true],
    ['eventName INSERT: a modify', '{"eventName":["INSERT"]}', item({}, 'MODIFY'), false],
    ['the type descriptor is required: with "S"', withS, present, true],
    ['the type descriptor is required: without "S"', withoutS, present, false],
    [
      'exists:false on an attribute (not a leaf) that is missing',
      absent,
      item({ id: { S: 'a' } }),
      true,
    ],
    ['exists:false on an attribute (not a leaf) that is present', absent, present, true],
    [
      'N "42": numeric fails on a string, anything-but "101" passes',
      numericOrNot,
      item({ numericFilter: { N: '42' } }),
      true,
    ],
    [
      'N "101": numeric fails on a string, anything-but excludes it',
      numericOrNot,
      item({ numericFilter: { N: '101' } }),
      false,
    ],
    [
      'ApproximateCreationDateTime is a number',
      '{"dynamodb":{"ApproximateCreationDateTime":[{"numeric":[">",0]}]}}',
      item({}),
      true,
    ],
  ]);
});
