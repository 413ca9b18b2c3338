import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { median } from '../timing/median.js';
import { bundleHandler, type HandlerBundle } from './bundleHandler.js';
import { type ImportMode, importTime } from './importTime.js';

/** How many fresh processes per bundle and mode, and where the bundles go. */
export interface ColdStartOptions {
  readonly imports: number;
  readonly outDir: string;
}

/** One handler's weight and import times (medians). */
export interface HandlerWeight extends HandlerBundle {
  readonly importMs: number;
  readonly importWithoutSdkMs: number;
}

/** Sluice's handler next to the Powertools one. */
export interface ColdStartResult {
  readonly imports: number;
  readonly sluice: HandlerWeight;
  readonly powertools: HandlerWeight;
}

const ENTRIES = {
  sluice: new URL('./entries/sluiceEntry.ts', import.meta.url),
  powertools: new URL('./entries/powertoolsEntry.ts', import.meta.url),
};

/**
 * Issue 7, measurement 3: bundles both ready handlers and imports each in `imports` fresh Node
 * processes per mode, alternating handlers so machine load hits both alike; medians.
 */
export const measureColdStart = async (options: ColdStartOptions): Promise<ColdStartResult> => {
  mkdirSync(options.outDir, { recursive: true });
  const bundles = {
    sluice: await bundleHandler(ENTRIES.sluice, join(options.outDir, 'sluice.mjs')),
    powertools: await bundleHandler(ENTRIES.powertools, join(options.outDir, 'powertools.mjs')),
  };
  const samples: Record<keyof typeof bundles, Record<ImportMode, number[]>> = {
    sluice: { total: [], withoutSdk: [] },
    powertools: { total: [], withoutSdk: [] },
  };
  for (let i = 0; i < options.imports; i++)
    for (const mode of ['total', 'withoutSdk'] as const)
      for (const name of ['sluice', 'powertools'] as const)
        samples[name][mode].push(await importTime(bundles[name].file, mode));
  const weigh = (name: keyof typeof bundles): HandlerWeight => ({
    ...bundles[name],
    importMs: median(samples[name].total),
    importWithoutSdkMs: median(samples[name].withoutSdk),
  });
  return { imports: options.imports, sluice: weigh('sluice'), powertools: weigh('powertools') };
};
