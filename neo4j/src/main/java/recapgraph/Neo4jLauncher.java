/*
 * Starts a Neo4j 5.26 community DBMS in this JVM with its Bolt connector on a
 * loopback address: the same engine a Neo4j server runs, for tests, CI and
 * developers without Docker.
 *
 * Usage: java [JVM flags] -cp "target/classes:target/lib/*" recapgraph.Neo4jLauncher
 *          --home DIR [--host 127.0.0.1] [--port 7687|0] [--password PW | --no-auth]
 *          [--page-cache-mb 64] [--tx-memory-mb 128] [--tx-timeout-s 60] [--ignore-stdin]
 *
 * When the database answers, one line goes to stdout:
 *   NEO4J_READY {"uri":"bolt://127.0.0.1:PORT","port":PORT,"home":"DIR","auth":true}
 * Everything else the launcher says goes to stderr, so a parent process can read
 * stdout for that line alone. SIGTERM/SIGINT shut the DBMS down cleanly through a
 * shutdown hook. The launcher also exits when its stdin reaches end of file, so a
 * parent that dies (even by SIGKILL) takes its database with it.
 */
package recapgraph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

public final class Neo4jLauncher {
  private Neo4jLauncher() {}

  /** Parsed command line; defaults suit a 2-core machine running a test suite. */
  static final class Options {
    Path home;
    String host = "127.0.0.1";
    int port = 7687;
    String password;
    boolean auth = true;
    long pageCacheMb = 64;
    /** Memory one transaction may use; a whole load is one transaction (the bench raises it for 100x). */
    long txMemoryMb = 128;
    /** A test's transaction ends in a minute; a 1000x load on Neo4j takes longer (bench --neo4j-scale). */
    long txTimeoutS = 60;
    boolean watchStdin = true;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--home" -> o.home = Path.of(value(args, ++i, a)).toAbsolutePath();
          case "--host" -> o.host = value(args, ++i, a);
          case "--port" -> o.port = Integer.parseInt(value(args, ++i, a));
          case "--password" -> o.password = value(args, ++i, a);
          case "--no-auth" -> o.auth = false;
          case "--page-cache-mb" -> o.pageCacheMb = Long.parseLong(value(args, ++i, a));
          case "--tx-memory-mb" -> o.txMemoryMb = Long.parseLong(value(args, ++i, a));
          case "--tx-timeout-s" -> o.txTimeoutS = Long.parseLong(value(args, ++i, a));
          case "--ignore-stdin" -> o.watchStdin = false;
          default -> throw new IllegalArgumentException("unknown argument " + a);
        }
      }
      if (o.home == null) throw new IllegalArgumentException("--home is required");
      if (o.port < 0 || o.port > 65535) throw new IllegalArgumentException("--port must be 0..65535");
      if (o.auth && (o.password == null || o.password.length() < 8)) {
        // Neo4j refuses passwords under 8 characters (dbms.security.auth_minimum_password_length).
        throw new IllegalArgumentException("--password of at least 8 characters is required (or --no-auth)");
      }
      return o;
    }

    private static String value(String[] args, int i, String flag) {
      if (i >= args.length) throw new IllegalArgumentException(flag + " needs a value");
      return args[i];
    }
  }

  public static void main(String[] args) throws IOException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("neo4j-launcher: " + e.getMessage());
      System.exit(2);
      return;
    }
    Files.createDirectories(options.home);

    DatabaseManagementService dbms = build(options);
    // Registered before anything can fail below, so SIGTERM always closes the store cleanly.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.err.println("neo4j-launcher: shutting down");
      dbms.shutdown();
    }, "neo4j-launcher-shutdown"));

    try {
      GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      if (options.auth) setPassword(dbms, options.password);
      int port = boundPort(db);
      System.out.println("NEO4J_READY " + readyJson(options, port));
      System.out.flush();
    } catch (RuntimeException e) {
      // The DBMS threads would keep the JVM alive, never ready: fail loudly instead.
      e.printStackTrace();
      System.exit(1);
    }

    if (options.watchStdin) exitOnStdinClose();
  }

  private static DatabaseManagementService build(Options o) {
    return new DatabaseManagementServiceBuilder(o.home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress(o.host, o.port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress(o.host, o.port))
        .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
        .setConfig(GraphDatabaseSettings.auth_enabled, o.auth)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(o.pageCacheMb))
        // A test store is small and short-lived: no preallocated 250 MB log files, no kept history.
        .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
        .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
        .setConfig(GraphDatabaseSettings.udc_enabled, false)
        // Bounded per-transaction memory: a runaway query fails instead of exhausting the heap.
        .setConfig(GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.mebiBytes(o.txMemoryMb))
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(o.txTimeoutS))
        // A read past its request's deadline (its transaction timeout) is stopped at the next
        // check: every 200 ms here, where Neo4j's default waits up to 2 s.
        .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(200))
        .build();
  }

  /**
   * The embedded API runs with full rights, so the password is set through the system
   * database on every start: the one given on the command line always works. Neo4j refuses
   * to "change" a password to its current value, so it passes through a random one first.
   */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    String alter = "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED";
    system.executeTransactionally(alter, Map.of("password", "tmp-" + UUID.randomUUID()));
    system.executeTransactionally(alter, Map.of("password", password));
  }

  private static int boundPort(GraphDatabaseService db) {
    ConnectorPortRegister ports = ((GraphDatabaseAPI) db).getDependencyResolver()
        .resolveDependency(ConnectorPortRegister.class);
    return ports.getLocalAddress(ConnectorType.BOLT).getPort();
  }

  private static String readyJson(Options o, int port) {
    return "{\"uri\":\"bolt://" + o.host + ":" + port + "\",\"port\":" + port
        + ",\"home\":\"" + o.home.toString().replace("\\", "\\\\").replace("\"", "\\\"")
        + "\",\"auth\":" + o.auth + "}";
  }

  /** Blocks reading stdin; at end of file (the parent went away) exits, running the shutdown hook. */
  private static void exitOnStdinClose() {
    InputStream in = System.in;
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) != -1) {
        // Input is ignored: only its end matters.
      }
    } catch (IOException e) {
      // A broken pipe means the same as end of file.
    }
    System.err.println("neo4j-launcher: stdin closed, exiting");
    System.exit(0);
  }
}
