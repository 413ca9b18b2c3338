import { builtinDynamoDbHarness } from './testSupport/builtinDynamoDbHarness.js';
import { describeBuiltinStoreContract } from './testSupport/builtinStoreContract.js';

describeBuiltinStoreContract('DynamoDB Local', builtinDynamoDbHarness, { propertyRuns: 12 });
