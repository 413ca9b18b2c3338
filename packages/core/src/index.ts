/**
 * Typed change events from DynamoDB Streams records: decoding with io-ts, safe unmarshalling,
 * sequence numbers, item identity and Lambda-compatible filter patterns.
 *
 * @packageDocumentation
 * @module @sluice/core
 */
export type { AttributeFailure } from './attributes/attributeFailure.js';
export type { AttributeMapInput, AttributeValueInput } from './attributes/attributeValueInput.js';
export { BigIntFromNumberAttribute } from './attributes/bigIntFromNumberAttribute.js';
export { DecimalString } from './attributes/decimalString.js';
export type { InexactNumbers } from './attributes/numberAttribute.js';
export {
  NumberSetCodec,
  SetAttributeCodec,
  type SetAttributeType,
  StringSetCodec,
} from './attributes/setCodecs.js';
export {
  type UnmarshallOptions,
  unmarshallItem,
  unmarshallValue,
} from './attributes/unmarshall.js';
export { type Clock, systemClock } from './clock/clock.js';
export { ManualClock } from './clock/manualClock.js';
export type { ChangeEventCodecs, DecodeContext } from './decode/changeEventCodecs.js';
export { type ChangeEventDecoder, changeEventDecoder } from './decode/changeEventDecoder.js';
export { type DecodedBatch, decodeBatch } from './decode/decodeBatch.js';
export { decodeRecord } from './decode/decodeRecord.js';
export type {
  DecodeFailure,
  DecodeFailureTag,
  DecodeProblem,
  ImageName,
} from './errors/decodeFailure.js';
export { describeErrors } from './errors/ioTsProblems.js';
export type {
  ChangeEvent,
  ChangeMetadata,
  EventName,
  InsertEvent,
  ModifyEvent,
  RemovalCause,
  RemoveEvent,
} from './event/changeEvent.js';
export {
  type StreamViewType,
  StreamViewTypeCodec,
  type WithNewImage,
  type WithOldImage,
} from './event/streamViewType.js';
export {
  type FilterCriteria,
  type FilterCriteriaJson,
  FilterCriteriaJsonCodec,
  filterCriteria,
  MAX_FILTERS,
  matchesFilterCriteria,
  parseFilterCriteria,
  toFilterCriteriaJson,
} from './filter/filterCriteria.js';
export {
  type FilterPattern,
  filterPattern,
  MAX_PATTERN_LENGTH,
  parseFilterPattern,
} from './filter/filterPattern.js';
export type {
  InvalidFilter,
  InvalidFilterReason,
  PatternPath,
} from './filter/invalidFilter.js';
export type {
  AnythingBut,
  ExactValue,
  FieldPattern,
  Matcher,
  NumericCondition,
  NumericOperator,
  OrBranch,
  PatternShape,
} from './filter/patternShape.js';
export { eventNames, ttlRemovals, userRemovals } from './filter/readyMadePatterns.js';
export { type ItemKey, itemKeyOf } from './identity/itemKey.js';
export { lambdaShapedRecord } from './record/lambdaShapedRecord.js';
export {
  type LambdaStreamRecord,
  LambdaStreamRecordCodec,
  type RawStreamRecord,
  RawStreamRecordCodec,
  type StreamsApiRecord,
  StreamsApiRecordCodec,
} from './record/rawStreamRecord.js';
export { parseStreamArn, type StreamArnParts } from './record/streamArn.js';
export type { StreamRecordInput } from './record/streamRecordInput.js';
export {
  compareSequenceNumbers,
  type InvalidSequenceNumber,
  parseSequenceNumber,
  type SequenceNumber,
  SequenceNumberCodec,
  sortableSequenceNumber,
} from './sequence/sequenceNumber.js';
export {
  type DescribeStreamPage,
  listShards,
  type ShardInfo,
  type ShardListPage,
} from './shards/listShards.js';
