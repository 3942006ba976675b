package io.gradesim.simulator.output;

import io.gradesim.simulator.bench.BenchWorkload;
import io.gradesim.simulator.bench.PoissonArrivals;
import io.gradesim.simulator.bench.ScratchFolder;
import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalColumns;
import io.gradesim.traces.canonical.CanonicalTraceReader;
import io.gradesim.traces.canonical.CanonicalTraceWriter;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * What the hand-written CSV codecs save against commons-csv, as a share of the command they serve
 * ({@code simulate}: read the trace, run, write {@code submissions.csv}). On bench simulate's
 * workload (Poisson, 40 slots, load 0.9; default 1,000,000 submissions) it times, in pairs run in
 * turn on this one thread after a warm-up round, in CPU time of that thread (GC excluded):
 *
 * <ul>
 *   <li>reading the canonical trace: {@link CanonicalTraceReader} (sequential, this thread) against
 *       commons-csv's {@link CSVParser} and the same fields built by the JDK ({@code
 *       Instant.parse}, {@code Long.parseLong}, ...);
 *   <li>writing {@code submissions.csv}-shaped rows (an id, seven instants, two numbers, a result,
 *       two durations): {@link CsvSink} against {@link CSVPrinter}, with the fields formatted by
 *       the JDK ({@link DateTimeFormatter}, {@link BigDecimal}) and, to isolate commons-csv's own
 *       part, with them formatted by the hand-written formatter; the three files are compared byte
 *       for byte;
 *   <li>the rest of the command: the engine and the whole output fold into a folder.
 * </ul>
 *
 * <p>It prints medians and, per codec, the share commons-csv would take of the command if it
 * replaced the hand-written code. Run from the repository root (see simulator/README.md):
 *
 * <pre>
 * mvn -o -q -B -pl simulator -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp simulator/target/test-classes:simulator/target/classes:$(cat \
 *     simulator/target/test.classpath) io.gradesim.simulator.output.CsvCodecBenchmark [N] [R]
 * </pre>
 */
public final class CsvCodecBenchmark {
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Path dir;
  private final Path trace;
  private final BenchWorkload workload;
  private String[] ids;
  private long[] arrivals;

  private CsvCodecBenchmark(Path dir, long submissions) {
    this.dir = dir;
    this.trace = dir.resolve("trace.csv");
    this.workload = new BenchWorkload(submissions, 40);
  }

  /** Arguments: submissions (default 1,000,000) and measured rounds (default 5). */
  public static void main(String[] args) throws IOException {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path dir = Files.createTempDirectory("gradesim-csv-bench");
    try {
      new CsvCodecBenchmark(dir, n).measure(rounds);
    } finally {
      ScratchFolder.deleteTree(dir);
    }
  }

  private void measure(int rounds) throws IOException {
    prepare();
    System.out.printf(
        "CSV codecs: %,d submissions (trace %,d bytes), 1 warm-up + %d rounds, CPU time of"
            + " this one thread%n",
        ids.length, Files.size(trace), rounds);
    String[] names = {
      "read, hand-written (CanonicalTraceReader)",
      "read, commons-csv + JDK parsing",
      "write submissions.csv rows, hand-written (CsvSink)",
      "write, commons-csv + JDK formatting",
      "engine + whole output fold (rest of simulate)"
    };
    double[][] t = new double[names.length][rounds];
    for (int r = -1; r < rounds; r++) {
      double[] round = {
        time(this::readHand),
        time(this::readCommons),
        time(() -> writeHand(dir.resolve("hand.csv"))),
        time(() -> writeCommons(dir.resolve("jdk.csv"))),
        time(this::fold)
      };
      if (r >= 0) {
        for (int i = 0; i < names.length; i++) {
          t[i][r] = round[i];
        }
      }
    }
    boolean same =
        Arrays.equals(
            Files.readAllBytes(dir.resolve("hand.csv")),
            Files.readAllBytes(dir.resolve("jdk.csv")));
    double[] m = new double[names.length];
    for (int i = 0; i < names.length; i++) {
      double[] s = sorted(t[i]);
      m[i] = s[s.length / 2];
      System.out.printf(
          "  %-50s median %6.3f s (min %6.3f, max %6.3f, n=%d)%n",
          names[i], m[i], s[0], s[s.length - 1], s.length);
    }
    System.out.printf("  the two submissions.csv files are byte-identical: %s%n", same);
    double command = m[0] + m[4];
    System.out.printf(
        "  the command (hand read + engine and fold, no JVM start): %.3f s%n", command);
    share("trace reader", m[1], m[0], command);
    share("submissions.csv writer", m[3], m[2], command);
  }

  /** Prints the share commons-csv would take of the command in place of the hand-written code. */
  private static void share(String what, double commons, double hand, double command) {
    double with = command - hand + commons;
    System.out.printf(
        "  %s: commons-csv %.3f s = %.0f %% of the command with it (hand-written %.3f s ="
            + " %.0f %%); the command %.0f %% slower%n",
        what,
        commons,
        100 * commons / with,
        hand,
        100 * hand / command,
        100 * (with - command) / command);
  }

  private void prepare() throws IOException {
    PoissonArrivals source = workload.arrivals(7);
    List<String> id = new ArrayList<>();
    List<Long> at = new ArrayList<>();
    try (CanonicalTraceWriter out = new CanonicalTraceWriter(trace)) {
      for (Submission s = source.next(); s != null; s = source.next()) {
        out.write(s);
        id.add(s.id());
        at.add(s.submittedAt().getEpochSecond() * 1_000_000L + s.submittedAt().getNano() / 1000);
      }
      out.commit();
    }
    ids = id.toArray(String[]::new);
    arrivals = at.stream().mapToLong(Long::longValue).toArray();
  }

  private long readHand() throws IOException {
    long sum = 0;
    try (Stream<Submission> rows = CanonicalTraceReader.readSequential(trace, RejectSink.STRICT)) {
      for (Submission s : (Iterable<Submission>) rows::iterator) {
        sum += s.id().length();
      }
    }
    return sum;
  }

  private long readCommons() throws IOException {
    long sum = 0;
    CSVFormat header = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (BufferedReader in = Files.newBufferedReader(trace, StandardCharsets.UTF_8);
        CSVParser csv = CSVParser.parse(in, header)) {
      for (CSVRecord r : csv) {
        Submission s =
            new Submission(
                r.get(CanonicalColumns.ID),
                Instant.parse(r.get(CanonicalColumns.SUBMITTED_AT)),
                r.get(CanonicalColumns.COURSE),
                r.get(CanonicalColumns.TASK),
                users(r.get(CanonicalColumns.USERS)),
                r.get(CanonicalColumns.ENVIRONMENT),
                integer(r.get(CanonicalColumns.PRIORITY)),
                number(r.get(CanonicalColumns.GRADING_MS)),
                instant(r.get(CanonicalColumns.COMPLETED_AT)),
                text(r.get(CanonicalColumns.RESULT)),
                decimal(r.get(CanonicalColumns.CPU_LIMIT_S)),
                decimal(r.get(CanonicalColumns.HARD_LIMIT_S)),
                number(r.get(CanonicalColumns.MEMORY_MB)));
        sum += s.id().length();
      }
    }
    return sum;
  }

  private long writeHand(Path file) throws IOException {
    try (CsvSink out =
        new CsvSink(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      out.header(SubmissionColumn.header());
      for (int i = 0; i < ids.length; i++) {
        long a = arrivals[i];
        out.text(ids[i]);
        for (int s = 0; s < 7; s++) {
          out.instant(a + offset(i, s));
        }
        out.number(i % 5);
        out.number(i % 8);
        out.text(i % 3 == 0 ? "success" : "failed");
        out.seconds(offset(i, 2));
        out.seconds(offset(i, 6));
        out.endRow();
      }
    }
    return ids.length;
  }

  private long writeCommons(Path file) throws IOException {
    OutputStream bytes = Files.newOutputStream(file);
    try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        CSVPrinter out = new CSVPrinter(w, FORMAT)) {
      out.printRecord(SubmissionColumn.header());
      for (int i = 0; i < ids.length; i++) {
        long a = arrivals[i];
        out.print(ids[i]);
        for (int s = 0; s < 7; s++) {
          out.print(jdkInstant(a + offset(i, s)));
        }
        out.print(i % 5);
        out.print(i % 8);
        out.print(i % 3 == 0 ? "success" : "failed");
        out.print(BigDecimal.valueOf(offset(i, 2), 6).toPlainString());
        out.print(BigDecimal.valueOf(offset(i, 6), 6).toPlainString());
        out.println();
      }
    }
    return ids.length;
  }

  private long fold() throws IOException {
    Path out = dir.resolve("run");
    long events;
    try (RunOutputWriter writer = new RunOutputWriter(out)) {
      events = workload.run(7, writer);
      writer.finish();
    }
    ScratchFolder.deleteTree(out);
    return events;
  }

  /** Microseconds from arrival to stage {@code s} of row {@code i}: growing, varied digits. */
  private static long offset(int i, int s) {
    return s == 0 ? 0 : (long) s * 1_234_567L + (i * 7919L) % 9_000_000L;
  }

  private static String jdkInstant(long micros) {
    return INSTANT.format(
        Instant.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000));
  }

  private static List<String> users(String v) {
    return v.isEmpty() ? List.of() : List.of(v.split(CanonicalColumns.USER_SEPARATOR, -1));
  }

  private static int integer(String v) {
    return v.isEmpty() ? 0 : Integer.parseInt(v);
  }

  private static Long number(String v) {
    return v.isEmpty() ? null : Long.valueOf(v);
  }

  private static Double decimal(String v) {
    return v.isEmpty() ? null : Double.valueOf(v);
  }

  private static Instant instant(String v) {
    return v.isEmpty() ? null : Instant.parse(v);
  }

  private static String text(String v) {
    return v.isEmpty() ? null : v;
  }

  private interface Work {
    long run() throws IOException;
  }

  /** CPU seconds of this thread for {@code w}: steadier than wall time on a shared machine. */
  private static double time(Work w) throws IOException {
    long t0 = THREADS.getCurrentThreadCpuTime();
    long result = w.run();
    double s = (THREADS.getCurrentThreadCpuTime() - t0) / 1e9;
    if (result < 0) {
      throw new IllegalStateException("no work done");
    }
    return s;
  }

  private static double[] sorted(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s;
  }
}
