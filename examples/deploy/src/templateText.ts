import { writeFileSync } from 'node:fs';
import type { Template } from './cloudFormation.js';

/** The template as checked in: two-space JSON and a final newline. */
export const templateText = (template: Template): string =>
  `${JSON.stringify(template, null, 2)}\n`;

/** Writes the template where the example keeps it (its `template.json`). */
export const writeTemplate = (template: Template, path: string): void => {
  writeFileSync(path, templateText(template));
  console.log(`wrote ${path}`);
};
