/** A rule every violation of which fails `npm run check:imports`. */
const forbid = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });

/**
 * The import rules `npm run check:imports` enforces (dependency-cruiser's
 * rules reference describes `from`/`to`). Type-only imports count: a cycle
 * or a layer crossed in types alone still ties the files together.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    forbid('no-circular', 'No import cycles: a cycle makes load order matter and the files inseparable.', {}, { circular: true }),
    forbid(
      'platform-knows-no-domain',
      'platform/ is shared by every process and owned by no domain: it imports nothing from subgraphs/, gateway/ or contracts/.',
      { path: '^platform/', pathNot: '^platform/subgraph\\.ts$' },
      { path: '^(subgraphs|gateway|contracts)/' },
    ),
    forbid(
      'platform-subgraph-types-the-outbox-only',
      'The one exception to platform-knows-no-domain: platform/subgraph.ts types the outbox it hands to every subgraph by the event map, a type-only import of contracts/events.ts.',
      { path: '^platform/subgraph\\.ts$' },
      { path: '^(subgraphs|gateway|contracts)/', pathNot: '^contracts/events\\.ts$' },
    ),
    forbid(
      'platform-subgraph-event-map-is-type-only',
      'platform/subgraph.ts may read the event map as a type, never load contracts/ at run time.',
      { path: '^platform/subgraph\\.ts$' },
      { path: '^contracts/events\\.ts$', dependencyTypesNot: ['type-only'] },
    ),
    forbid(
      'contracts-build-on-platform-only',
      "contracts/ are the subgraphs' agreements with each other: they may use platform/ and each other, nothing else of this project.",
      { path: '^contracts/' },
      { dependencyTypes: ['local'], pathNot: '^(contracts|platform)/' },
    ),
    forbid(
      'subgraphs-meet-through-contracts',
      "A subgraph never imports another subgraph's folder: they meet through the supergraph, events and contracts/.",
      { path: '^subgraphs/([^/]+)/' },
      { path: '^subgraphs/', pathNot: '^subgraphs/$1/' },
    ),
    forbid('gateway-knows-no-subgraph', 'The gateway reaches subgraphs over HTTP only, never by importing them.', { path: '^gateway/' }, { path: '^subgraphs/' }),
    forbid('not-to-unresolvable', 'An import that resolves to nothing is a typo or a missing package.', {}, { couldNotResolve: true }),
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
