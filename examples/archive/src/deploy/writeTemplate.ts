// `pnpm --filter @sluice/example-archive run template`: writes template.json from the definitions.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { archiveTemplate } from './archiveTemplate.js';
import { templateText } from './templateText.js';

const path = fileURLToPath(new URL('../../template.json', import.meta.url));
writeFileSync(path, templateText(archiveTemplate()));
console.log(`wrote ${path}`);
