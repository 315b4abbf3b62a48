/**
 * The import rules `npm run check:imports` enforces (docs: dependency-cruiser's
 * rules reference). Type-only imports count: a cycle or a layer crossed in
 * types alone still ties the files together.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles: a cycle makes load order matter and the files inseparable.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'platform-knows-no-domain',
      comment: 'platform/ is shared by every process and owned by no domain: it imports nothing from subgraphs/, gateway/ or contracts/.',
      severity: 'error',
      from: { path: '^platform/', pathNot: '^platform/subgraph\\.ts$' },
      to: { path: '^(subgraphs|gateway|contracts)/' },
    },
    {
      name: 'platform-subgraph-types-the-outbox-only',
      comment:
        'The one exception to platform-knows-no-domain: platform/subgraph.ts types the outbox it hands to every subgraph by the event map, a type-only import of contracts/events.ts.',
      severity: 'error',
      from: { path: '^platform/subgraph\\.ts$' },
      to: { path: '^(subgraphs|gateway|contracts)/', pathNot: '^contracts/events\\.ts$' },
    },
    {
      name: 'platform-subgraph-event-map-is-type-only',
      comment: 'platform/subgraph.ts may read the event map as a type, never load contracts/ at run time.',
      severity: 'error',
      from: { path: '^platform/subgraph\\.ts$' },
      to: { path: '^contracts/events\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'contracts-build-on-platform-only',
      comment: "contracts/ are the subgraphs' agreements with each other: they may use platform/ and each other, nothing else of this project.",
      severity: 'error',
      from: { path: '^contracts/' },
      to: { dependencyTypes: ['local'], pathNot: '^(contracts|platform)/' },
    },
    {
      name: 'subgraphs-meet-through-contracts',
      comment: "A subgraph never imports another subgraph's folder: they meet through the supergraph, events and contracts/.",
      severity: 'error',
      from: { path: '^subgraphs/([^/]+)/' },
      to: { path: '^subgraphs/', pathNot: '^subgraphs/$1/' },
    },
    {
      name: 'gateway-knows-no-subgraph',
      comment: 'The gateway reaches subgraphs over HTTP only, never by importing them.',
      severity: 'error',
      from: { path: '^gateway/' },
      to: { path: '^subgraphs/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    // Type-only imports are dependencies too (see above).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['cjs', 'es6'],
    // Packages such as graphql-ws and nodemailer publish subpaths through their "exports" map.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['require', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
    },
  },
};
