/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/platform', '<rootDir>/contracts', '<rootDir>/subgraphs', '<rootDir>/gateway'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
    // Packages that ship ES modules only (otplib's crypto and base32 plugins @noble/hashes and @scure/base; MikroORM 7
    // and its query builder Kysely): Node requires them as they are, Jest's module loader needs them compiled.
    '^.+/node_modules/(@(noble|scure|mikro-orm)/|kysely/).+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@(noble|scure|mikro-orm)/|kysely/))'],
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
  // Servers on loopback ports and SQLite files: two workers fit a 2-core machine.
  maxWorkers: 2,
};
