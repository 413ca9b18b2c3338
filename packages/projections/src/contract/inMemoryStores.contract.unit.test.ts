import type { FaultKind } from '../memory/injectedFault.js';
import { InMemoryCheckpointStore } from '../memory/inMemoryCheckpointStore.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import { describeCheckpointStoreContract } from './testSupport/checkpointStoreContract.js';
import { describeProjectionStoreContract } from './testSupport/projectionStoreContract.js';

describeProjectionStoreContract(
  'in memory',
  async () => {
    const store = new InMemoryProjectionStore();
    return {
      store,
      faultKinds: ['crash', 'fail'],
      armFault: (after, kind) => store.failAfter(after, kind as FaultKind),
      requests: () => store.writeCount,
      dispose: () => {},
    };
  },
  { propertyRuns: 200, largeBatch: 1000 },
);

describeCheckpointStoreContract('in memory', async () => new InMemoryCheckpointStore());
