/** What scopes a projection's markers: its name and version (a rebuild's new version starts afresh). */
export interface MarkerScope {
  readonly name: string;
  readonly version: number;
}

/**
 * The prefix of every marker id a projection may write: `<name>@<version>|`. Names are unique
 * among the projections run together and never contain `|`, so two projections never share one.
 */
export const markerPrefix = (scope: MarkerScope): string => `${scope.name}@${scope.version}|`;
