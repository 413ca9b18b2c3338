import type { Row } from '../plan/row.js';

/** Who holds a looked-up value: nobody, one source item, or several at once (a conflict to resolve). */
export type LookupOwner =
  | { readonly _tag: 'Unclaimed' }
  | { readonly _tag: 'Owned'; readonly owner: Row }
  | { readonly _tag: 'Contested'; readonly owners: readonly Row[] };

/**
 * Reads the rows of one value of a `lookup` table (a Query on its partition) as an answer. Several
 * rows mean several source items hold the value in the source table now (or did until a release
 * still in flight): the lookup reports it instead of letting delivery order pick a winner.
 */
export const lookupOwner = (claims: readonly Row[]): LookupOwner => {
  const owners = claims.map((claim) => claim.owner as Row);
  if (owners.length === 0) return { _tag: 'Unclaimed' };
  if (owners.length === 1) return { _tag: 'Owned', owner: owners[0]! };
  return { _tag: 'Contested', owners };
};
