package io.gradesim.journal;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a run's journal lives, parsed from {@code --journal}: {@code none} (no persistence), {@code
 * h2} (the default: an H2 file database in gradesim's data folder) or a JDBC URL ({@code
 * jdbc:postgresql://host/db?user=..&password=..}, or {@code jdbc:h2:...}).
 *
 * @param url the JDBC URL, "" for none
 * @param label how messages name the journal (a path or the URL without its password)
 */
public record JournalTarget(String url, String label) {

  /** No journal: runs are not persisted. */
  public static final JournalTarget NONE = new JournalTarget("", "none");

  /**
   * The default H2 file journal in the data folder {@code home}. New data is appended, never
   * written over freed space ({@code REUSE_SPACE=FALSE}): a process killed in the middle of a write
   * otherwise lost runs that earlier processes had finished (KillAndResumeTest). A commit is
   * written to the file before it is acknowledged ({@code WRITE_DELAY=0}; H2's default of 500 ms
   * lost acknowledged rows to a SIGKILL, KillAndResumeTest). Chunk payloads (about 370 KB) are
   * stored inside their rows rather than in H2's separate LOB store ({@code
   * MAX_LENGTH_INPLACE_LOB}; measured effect in journal/README.md).
   */
  public static JournalTarget h2(Path home) {
    Path db = home.toAbsolutePath().resolve("journal").resolve("runs");
    return new JournalTarget(
        "jdbc:h2:file:"
            + db
            + ";REUSE_SPACE=FALSE;WRITE_DELAY=0"
            + ";MAX_LENGTH_INPLACE_LOB="
            + INPLACE_LOB_BYTES,
        db + ".mv.db");
  }

  /** Payloads up to this many bytes stay in their row (a chunk is about 370 KB). */
  static final int INPLACE_LOB_BYTES = 1 << 20;

  /** Parses a {@code --journal} value; {@code home} is the data folder for {@code h2}. */
  public static JournalTarget parse(String spec, Path home) {
    String s = spec == null ? "h2" : spec.trim();
    if (s.isEmpty() || s.equals("h2")) {
      return h2(home);
    }
    if (s.equals("none")) {
      return NONE;
    }
    if (s.startsWith("jdbc:postgresql:") || s.startsWith("jdbc:h2:")) {
      return new JournalTarget(s, s.replaceAll("(?i)(password=)[^&;]*", "$1***"));
    }
    throw new IllegalArgumentException(
        "--journal: expected h2, none or a jdbc:postgresql:// URL," + " got '" + spec + "'");
  }

  /** The data folder: property {@code gradesim.home}, else env GRADESIM_HOME, else ~/.gradesim. */
  public static Path defaultHome() {
    String p = System.getProperty("gradesim.home");
    if (p == null || p.isBlank()) {
      p = System.getenv("GRADESIM_HOME");
    }
    if (p == null || p.isBlank()) {
      return Path.of(System.getProperty("user.home"), ".gradesim");
    }
    return Path.of(p);
  }

  /** True if runs are persisted. */
  public boolean enabled() {
    return !url.isEmpty();
  }

  /** True for PostgreSQL. */
  public boolean postgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  /** The JDBC driver class. */
  public String driver() {
    return postgres() ? "org.postgresql.Driver" : "org.h2.Driver";
  }

  /**
   * The Pekko configuration of an actor system that writes and reads this journal, complete (with
   * system properties first and the libraries' reference.conf last, resolved).
   */
  public Config config() {
    // System properties first (-Dgradesim.journal.reconnect-for=5s), as ConfigFactory.load has.
    return ConfigFactory.defaultOverrides()
        .withFallback(settings())
        .withFallback(ConfigFactory.defaultReference())
        .resolve();
  }

  /**
   * This journal's layer of the process's actor system configuration (unresolved, to be merged with
   * the other modules' settings): the database from {@code --journal} over {@code
   * gradesim-journal.conf}. Empty for {@code none}.
   */
  public Config settings() {
    if (!enabled()) {
      return ConfigFactory.empty();
    }
    String db = "pekko-persistence-jdbc.shared-databases.gradesim.";
    Config own =
        ConfigFactory.parseMap(
            Map.of(
                db + "profile",
                postgres() ? "slick.jdbc.PostgresProfile$" : "slick.jdbc.H2Profile$",
                db + "db.url",
                url,
                db + "db.driver",
                driver()));
    return own.withFallback(ConfigFactory.parseResources("gradesim-journal.conf"));
  }

  /** True if {@code config} (an actor system's) writes and reads this journal. */
  public boolean configures(Config config) {
    String key = "pekko-persistence-jdbc.shared-databases.gradesim.db.url";
    return enabled() && config.hasPath(key) && config.getString(key).equals(url);
  }
}
