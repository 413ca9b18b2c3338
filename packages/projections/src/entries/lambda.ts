/**
 * The Lambda runner: the handler of a DynamoDB Streams event source mapping (partial batch
 * responses), the mapping settings it expects and the filter criteria of its projections.
 * Needs no AWS SDK client: it writes through the store it is given.
 *
 * @module @sluice/projections/lambda
 */
export {
  type EventSourceMappingSettings,
  ON_FAILURE_DESTINATION_PLACEHOLDER,
  recommendedEventSourceMapping,
} from '../lambda/eventSourceMapping.js';
export { filterCriteriaOf } from '../lambda/filterCriteriaOf.js';
export {
  type LambdaHandlerOptions,
  lambdaHandler,
  type ProjectionHandler,
} from '../lambda/lambdaHandler.js';
