/** Jest runs the TypeScript sources directly through ts-jest. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  // Kuzu holds one lock per data directory and Neo4j suites share a database:
  // files run one after the other so no two suites fight over a store.
  maxWorkers: 1,
  testTimeout: 30000,
};
