export type { DemoOptions } from './cli/demoOptions.js';
export { type BadArguments, type DemoCommand, parseArgs } from './cli/parseArgs.js';
export { type Engine, runDemo } from './runDemo.js';
