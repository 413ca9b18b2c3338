/** A table whose stream feeds the projections (the CDK construct's `StreamSourceSpec`). */
export type { StreamSourceSpec as SourceTable } from '@sluice/projections/deploy';
