import type { FaultKind } from '../memory/injectedFault.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import { describeBuiltinStoreContract } from './testSupport/builtinStoreContract.js';

describeBuiltinStoreContract(
  'the in-memory store',
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
  { propertyRuns: 100 },
);
