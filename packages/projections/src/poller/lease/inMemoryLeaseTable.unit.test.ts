import { describeLeaseTableContract } from '../testSupport/leaseTableContract.js';
import { InMemoryLeaseTable } from './inMemoryLeaseTable.js';

describeLeaseTableContract('in-memory', () => new InMemoryLeaseTable());
