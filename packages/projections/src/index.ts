export const placeholder = 'projections';
