package io.gradesim.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.app.sweep.RunRequest;
import io.gradesim.app.system.GradesimSystem;
import io.gradesim.cli.GradesimCommand;
import io.gradesim.journal.ChildJvm;
import io.gradesim.journal.JournalTarget;
import io.gradesim.journal.RunJournal;
import io.gradesim.journal.RunState;
import io.gradesim.report.CompareReport;
import io.gradesim.simulator.bench.PoissonArrivals;
import io.gradesim.simulator.output.RunOutputWriter;
import io.gradesim.simulator.run.SimulationSetup;
import io.gradesim.simulator.scenario.ScenarioLoader;
import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalTraceWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import picocli.CommandLine;

/**
 * What the cluster tests share: a small trace and {@value #RUNS} scenarios, worker nodes and
 * coordinators as child JVMs on loopback ({@link ChildJvm}: their lines give every ordering, a kill
 * is SIGKILL), the same sweep run locally as the reference, and the shared PostgreSQL journal
 * ({@code probes/host-setup.sh postgres}; URL from env GRADESIM_TEST_PG_URL; unreachable: aborted
 * outside CI, a failure in CI).
 *
 * <p>The trace's seed is new at every test, so its runs have ids of their own in a journal that
 * other test runs share; the runs are deleted from it afterwards.
 */
final class ClusterFixture implements AutoCloseable {
  static final int RUNS = 40;
  static final int SUBMISSIONS = 300;
  static final String DEFAULT_URL =
      "jdbc:postgresql://127.0.0.1:5432/gradesim_test?user=gradesim&password=gradesim";
  private static final Pattern UP = Pattern.compile("cluster node up at [^:]+:(\\d+),.*");

  final Path dir;
  final Path trace;
  final List<Path> scenarios = new ArrayList<>();
  final Path secret;
  private final List<ChildJvm> children = new ArrayList<>();

  ClusterFixture(Path dir) throws IOException {
    this.dir = dir;
    this.trace = dir.resolve("exam.csv");
    long seed = System.nanoTime() ^ ProcessHandle.current().pid();
    PoissonArrivals arrivals = new PoissonArrivals(SUBMISSIONS, 1.6, seed, "t");
    try (CanonicalTraceWriter w = new CanonicalTraceWriter(trace)) {
      for (Submission s = arrivals.next(); s != null; s = arrivals.next()) {
        w.write(s);
      }
      w.commit();
    }
    for (int i = 1; i <= RUNS; i++) {
      Path s = dir.resolve(String.format("s%02d.conf", i));
      Files.writeString(
          s,
          "agents = "
              + (2 + i % 3)
              + "\ncores = 2\nslots = 2\nseed = "
              + (100 + i)
              + "\ncosts { create = \"uniform:min=50ms,max=150ms\", start = 300ms, remove = 20ms }"
              + "\ngrading.default = \"lognormal:median=3s,sigma=0.5\"\noutput.bucket-s = 30\n");
      scenarios.add(s);
    }
    this.secret = writeSecret(dir.resolve("secret"), "the-cluster-secret-of-this-test");
  }

  static Path writeSecret(Path file, String secret) throws IOException {
    Files.writeString(file, secret + "\n");
    return file;
  }

  /** The PostgreSQL journal's URL; aborts the test (fails it in CI) if the server is away. */
  static String postgres() {
    String url = System.getenv().getOrDefault("GRADESIM_TEST_PG_URL", DEFAULT_URL);
    try (var c = DriverManager.getConnection(url)) {
      return url;
    } catch (SQLException e) {
      String why =
          "PostgreSQL at "
              + url.replaceAll("password=[^&]*", "password=***")
              + " unreachable ("
              + e.getMessage()
              + "); run probes/host-setup.sh postgres";
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(why);
      }
      Assumptions.abort(why);
      return null;
    }
  }

  /** A child JVM running {@code gradesim ARGS}, paused at {@code pauseAt} (null: nowhere). */
  ChildJvm start(String name, String pauseAt, List<String> args) throws IOException {
    ChildJvm c =
        ChildJvm.start(
            name,
            pauseAt,
            List.of("-Dgradesim.home=" + dir.resolve("home")),
            GradesimCommand.class,
            args);
    children.add(c);
    return c;
  }

  /**
   * A worker node with one core joining {@code join} (0: the first node), journaling into {@code
   * journal}, with the secret {@code secretFile}; returns it once it is up, and its port.
   */
  Node node(String name, int join, String journal, Path secretFile, String pauseAt)
      throws IOException, InterruptedException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "cluster",
                "node",
                "--port",
                "0",
                "--cores",
                "1",
                "--journal",
                journal,
                "--secret-file",
                secretFile.toString(),
                "--stop-on-eof"));
    if (join > 0) {
      args.addAll(List.of("--join", "127.0.0.1:" + join));
    }
    ChildJvm c = start(name, pauseAt, args);
    Matcher m = UP.matcher(c.awaitLine("cluster node up at "));
    assertThat(m.matches()).as(c.output()).isTrue();
    return new Node(c, Integer.parseInt(m.group(1)));
  }

  /** A node and its port. */
  record Node(ChildJvm jvm, int port) {}

  /** The arguments of the sweep of every scenario into {@code out}. */
  List<String> compare(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("compare", "--trace", trace.toString()));
    scenarios.forEach(s -> args.add(s.toString()));
    args.addAll(List.of(more));
    args.addAll(List.of("--out", out.toString()));
    return args;
  }

  /** The same sweep in this JVM, without cluster or journal, into {@code out}. */
  void local(Path out) {
    StringWriter err = new StringWriter();
    CommandLine cl = GradesimCommand.commandLine();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    List<String> args = compare(out, "--parallel", "2", "--journal", "none");
    assertThat(cl.execute(args.toArray(String[]::new))).as(err.toString()).isZero();
  }

  /** Every run's files (perf.json aside: wall times) and compare.csv are those of {@code ref}. */
  void assertSameOutputs(Path out, Path ref) throws IOException {
    for (Path s : scenarios) {
      String name = s.getFileName().toString().replace(".conf", "");
      for (String f : RunOutputWriter.FILES) {
        assertThat(Files.readAllBytes(out.resolve("runs").resolve(name).resolve(f)))
            .as(name + "/" + f)
            .isEqualTo(Files.readAllBytes(ref.resolve("runs").resolve(name).resolve(f)));
      }
    }
    assertThat(Files.readAllBytes(out.resolve(CompareReport.CSV)))
        .isEqualTo(Files.readAllBytes(ref.resolve(CompareReport.CSV)));
  }

  /** The run ids of the sweep, as compare derives them (one hash of the inputs and the seed). */
  List<String> runIds() throws IOException {
    SimulationSetup.Scans scans = SimulationSetup.once(trace, 0);
    List<String> ids = new ArrayList<>();
    for (Path s : scenarios) {
      ids.add(RunRequest.runId(scans, ScenarioLoader.load(s, List.of()), s, null));
    }
    return ids;
  }

  /** The journal's state of every run of the sweep. */
  List<RunState.Status> states(String url) throws IOException {
    List<RunState.Status> states = new ArrayList<>();
    JournalTarget target = JournalTarget.parse(url, dir);
    try (GradesimSystem actors = new GradesimSystem();
        RunJournal journal = RunJournal.open(target, actors.system(target))) {
      for (String id : runIds()) {
        states.add(journal.state(id).status());
      }
    }
    return states;
  }

  /** Deletes the sweep's runs from the shared journal. */
  void deleteRuns(String url) throws IOException {
    JournalTarget target = JournalTarget.parse(url, dir);
    try (GradesimSystem actors = new GradesimSystem();
        RunJournal journal = RunJournal.open(target, actors.system(target))) {
      for (String id : runIds()) {
        journal.delete(id);
      }
    }
  }

  /** The lines of {@code output} that start with {@code prefix}. */
  static List<String> lines(String output, String prefix) {
    return output.lines().filter(l -> l.startsWith(prefix)).toList();
  }

  @Override
  public void close() throws InterruptedException {
    for (ChildJvm c : children) {
      c.close();
    }
  }
}
