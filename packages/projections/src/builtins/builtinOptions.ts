import type * as t from 'io-ts';
import type { ProjectionFilter } from '../projection/projection.js';

/** What every built-in is given: its name and version, the codecs of the source items, a filter. */
export interface BuiltinOptions<T, K> {
  /**
   * Unique among the projections run together (the handler, poller, backfill and given() refuse
   * two with one name): it scopes markers, dead letters and rebuild versions. Required, so two
   * built-ins can never share a marker namespace by default.
   */
  readonly name: string;
  /** Bump when the settings change meaning: a new version is rebuilt, never mixed. Default 1. */
  readonly version?: number;
  /** io-ts codec for the source item; an image it rejects makes the record poison. */
  readonly item: t.Decoder<unknown, T>;
  /** io-ts codec for the key attributes (default: the unmarshalled keys as they are). */
  readonly keys?: t.Decoder<unknown, K>;
  /** Lambda filter pattern(s) deciding which raw records this projection sees at all. */
  readonly filter?: ProjectionFilter;
}

/** What a built-in hands `defineProjection` unchanged: its shared settings, version defaulted to 1. */
export const builtinDefinition = <T, K, V>(
  options: BuiltinOptions<T, K> & { readonly viewType: V },
) => ({
  name: options.name,
  version: options.version ?? 1,
  item: options.item,
  keys: options.keys,
  viewType: options.viewType,
  filter: options.filter,
});
