import type { Template } from './cloudFormation.js';

/** The template as checked in: two-space JSON and a final newline. */
export const templateText = (template: Template): string =>
  `${JSON.stringify(template, null, 2)}\n`;
