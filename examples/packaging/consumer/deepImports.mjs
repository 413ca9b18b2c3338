// For each package named on the command line, tries the paths a user must not be able to reach
// (`exports` lists entry points and "./package.json", never a file) and prints how each attempt
// ended.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const outcome = async (load) => {
  try {
    await load();
    return 'loaded';
  } catch (error) {
    return error.code ?? String(error);
  }
};

const results = {};
for (const name of process.argv.slice(2)) {
  results[name] = {
    importDist: await outcome(() => import(`${name}/dist/esm/index.js`)),
    requireDist: await outcome(() => require(`${name}/dist/cjs/index.js`)),
    importSource: await outcome(() => import(`${name}/src/index.ts`)),
    requirePackageJson: await outcome(() => require(`${name}/package.json`)),
  };
}
console.log(JSON.stringify(results));
