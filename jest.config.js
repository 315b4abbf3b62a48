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
    // otplib's default crypto and base32 plugins (@noble/hashes, @scure/base) ship ES modules only; Node loads them, Jest needs them compiled.
    '^.+/node_modules/@(noble|scure)/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!@(noble|scure)/)'],
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
  // Servers on loopback ports and SQLite files: two workers fit a 2-core machine.
  maxWorkers: 2,
};
