import { fileURLToPath } from 'node:url';

/**
 * The path of this compiled file, in the ESM and the CommonJS build alike: `import.meta.url` does
 * not compile to CommonJS and `__filename` does not exist in ESM, but V8 call sites know both.
 */
export const thisModuleFile = (): string | undefined => {
  const original = Error.prepareStackTrace;
  try {
    Error.prepareStackTrace = (_error, callSites) => callSites;
    const callSites = new Error().stack as unknown as NodeJS.CallSite[] | undefined;
    const file = callSites?.[0]?.getFileName() ?? undefined;
    if (file === undefined) return undefined;
    return file.startsWith('file:') ? fileURLToPath(file) : file;
  } catch {
    return undefined;
  } finally {
    Error.prepareStackTrace = original;
  }
};
