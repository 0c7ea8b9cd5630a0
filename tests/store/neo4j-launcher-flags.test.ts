/** The launched Neo4j's JVM flags (src/store/neo4j/launcher.ts): the collector follows the heap's size. */
import { jvmFlags } from '../../src/store/neo4j/launcher';

describe('Neo4j launcher JVM flags', () => {
  it('take the serial collector for test-sized heaps and G1 for large ones, with the heap asked', () => {
    expect(jvmFlags(512)).toEqual(expect.arrayContaining(['-Xmx512m', '-XX:+UseSerialGC']));
    expect(jvmFlags(2048)).toContain('-XX:+UseSerialGC');
    const large = jvmFlags(12_000);
    expect(large).toEqual(expect.arrayContaining(['-Xmx12000m', '-XX:+UseG1GC']));
    expect(large).not.toContain('-XX:+UseSerialGC');
  });
});
