/** Jest global teardown: stops the Neo4j server global setup launched, and removes its home. */
import { rmSync } from 'node:fs';
import { takeLaunchedNeo4j } from './neo4j-state';

export default async function globalTeardown(): Promise<void> {
  const launched = takeLaunchedNeo4j();
  if (!launched) return;
  await launched.server.stop();
  rmSync(launched.home, { recursive: true, force: true });
}
