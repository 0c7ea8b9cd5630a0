/** Jest runs the TypeScript sources directly through ts-jest. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  // One Neo4j 5.26 server for the whole run (tests/setup/): the Neo4j variant of every contract suite uses it.
  globalSetup: '<rootDir>/tests/setup/neo4j-global-setup.ts',
  globalTeardown: '<rootDir>/tests/setup/neo4j-global-teardown.ts',
  // Kuzu holds one lock per data directory and Neo4j suites share a database:
  // files run one after the other so no two suites fight over a store.
  maxWorkers: 1,
  testTimeout: 30000,
};
