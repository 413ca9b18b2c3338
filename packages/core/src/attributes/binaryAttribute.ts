import { describeValue } from '../errors/describeValue.js';
import { AttributeProblem } from './attributeFailure.js';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Reads a binary attribute: SDK records carry a `Uint8Array` (returned as is, like util-dynamodb);
 * Lambda JSON carries base64 text, decoded here so both record shapes give the same bytes.
 */
export const readBinary = (payload: unknown, type: 'B' | 'BS'): Uint8Array | AttributeProblem => {
  if (payload instanceof Uint8Array) return payload;
  if (typeof payload === 'string' && BASE64.test(payload)) {
    // A plain Uint8Array with its own memory (not a view of Buffer's shared pool), as SDK records hold.
    return new Uint8Array(Buffer.from(payload, 'base64'));
  }
  return new AttributeProblem(
    'InvalidAttributeValue',
    `${type} expects bytes (Uint8Array or base64 text), got ${describeValue(payload)}`,
  );
};
