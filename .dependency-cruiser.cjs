// The layering rules of ARCHITECTURE.md, checked on every `pnpm test` (examples/packaging's
// layering test runs them and fails the build on any violation).
const test = '(\\.test\\.ts$|/testSupport/)';
const production = (folder) => ({ path: folder, pathNot: test });

module.exports = {
  forbidden: [
    {
      name: 'core-stands-alone',
      comment:
        '@sluice/core is the bottom layer: it never imports projections, offline or testing.',
      severity: 'error',
      from: { path: '^packages/core/src' },
      to: {
        path: '^packages/(projections|offline|testing)/|@sluice/(projections|offline|testing)',
      },
    },
    {
      name: 'planning-is-pure',
      comment:
        'Planning (projection model, built-ins, plan) never imports an SDK client or a store.',
      severity: 'error',
      from: production('^packages/projections/src/(plan|projection|builtins)/'),
      to: {
        path: '^packages/projections/src/(dynamodb|memory|store|lambda|poller|backfill|rebuild)/|@aws-sdk/',
      },
    },
    {
      name: 'runners-use-the-store-interface',
      comment:
        'Runners reach a store only through the ProjectionStore interface, never an implementation ' +
        '(a CLI is a composition root: it builds the store it hands to the runner).',
      severity: 'error',
      from: {
        path: '^packages/projections/src/(batch|lambda|poller|backfill|rebuild|redrive|recover)/',
        pathNot: `${test}|/cli/`,
      },
      to: { path: '^packages/projections/src/(dynamodb/store|memory)/' },
    },
    {
      name: 'testing-stays-out-of-production',
      comment:
        '@sluice/testing and @sluice/offline are for tests: production code of core and projections never imports them.',
      severity: 'error',
      from: production('^packages/(core|projections)/src/'),
      to: { path: '^packages/(offline|testing)/|@sluice/(offline|testing)' },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycles between files (folder cycles are checked by the layering test).',
      severity: 'error',
      from: { path: '^(packages|examples|bench)/' },
      to: { circular: true },
    },
    {
      name: 'declared-dependencies',
      comment:
        'Every package imported is declared in the importing package.json. Workspace packages ' +
        'resolve through tsconfig paths (aliases) and escape this rule: the layering test ' +
        '(packageGraph.unit.test.ts) checks those, and that the package graph has no cycle.',
      severity: 'error',
      // The packaging consumer is installed into a project of its own, with its own package.json.
      from: { path: '^(packages|examples|bench)/', pathNot: '^examples/packaging/consumer/' },
      to: {
        dependencyTypes: ['unknown', 'undetermined', 'npm-no-pkg', 'npm-unknown'],
        pathNot: '^node:',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|cdk.out|.tmp)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.d.ts'],
    },
  },
};
