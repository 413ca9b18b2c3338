import type { FaultKind } from '../memory/injectedFault.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
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
