// A Lambda-only project: @sluice/projections installed without any AWS SDK client. For each entry
// point named on the command line, prints whether `import` and `require` load it, or which
// package they miss.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const outcome = async (load) => {
  try {
    return Object.keys(await load()).length > 0 ? 'loaded' : 'empty';
  } catch (error) {
    const missing = /'(@?[^'/]+(\/[^'/]+)?)'/.exec(error.message)?.[1];
    return /MODULE_NOT_FOUND/.test(error.code ?? '') ? `missing ${missing}` : String(error);
  }
};

const results = {};
for (const name of process.argv.slice(2)) {
  results[name] = {
    import: await outcome(() => import(name)),
    require: await outcome(async () => require(name)),
  };
}
console.log(JSON.stringify(results));
