export type { SequenceNumber } from './sequence/sequenceNumber.js';
