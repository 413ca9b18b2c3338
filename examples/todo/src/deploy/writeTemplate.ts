// `pnpm --filter @sluice/example-todo run template`: writes template.json from the definitions.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { templateText } from './templateText.js';
import { todoTemplate } from './todoTemplate.js';

const path = fileURLToPath(new URL('../../template.json', import.meta.url));
writeFileSync(path, templateText(todoTemplate()));
console.log(`wrote ${path}`);
