import { InMemoryIdempotencyStore } from './inMemoryIdempotencyStore.js';
import { describeIdempotencyStoreContract } from './testSupport/idempotencyStoreContract.js';

describeIdempotencyStoreContract('in memory', async () => new InMemoryIdempotencyStore());
