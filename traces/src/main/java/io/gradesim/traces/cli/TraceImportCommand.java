package io.gradesim.traces.cli;

import io.gradesim.files.InputFiles;
import io.gradesim.files.OutputGuard;
import io.gradesim.files.PartialFiles;
import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalTraceWriter;
import io.gradesim.traces.format.ImportChecks;
import io.gradesim.traces.format.ImportOptions;
import io.gradesim.traces.format.TraceFormat;
import io.gradesim.traces.format.TraceImporter;
import io.gradesim.traces.sort.ExternalSorter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trace import}: reads a real trace format and writes the canonical trace CSV, sorted by
 * arrival, rejecting bad rows into a rejects file (or failing on the first with --strict).
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports a real trace into the canonical trace CSV.",
      "Rows are sorted by submitted_at.",
      "Bad rows are rejected, never dropped silently: valid rows are imported and",
      "each rejected row goes to the rejects file with its line and reason.",
      "--strict: the first bad row is fatal (exit code 2, no output left).",
      "Usernames are pseudonymised by a keyed hash unless --keep-usernames."
    })
public final class TraceImportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      description = "Input format: ${COMPLETION-CANDIDATES}.",
      converter = FormatConverter.class,
      completionCandidates = FormatCandidates.class)
  TraceFormat format;

  @Parameters(
      index = "0",
      paramLabel = "INPUT",
      description = "The trace file (gzip is " + "detected by content).")
  Path input;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT.csv",
      description = "The canonical trace to write (.gz to compress).")
  Path output;

  @Option(
      names = "--tasks",
      paramLabel = "DIR",
      description = "INGInious task folder: DIR/<course>/<task>/task.yaml.")
  Path tasks;

  @Option(
      names = "--tz",
      paramLabel = "ZONE",
      description =
          "Zone of local timestamps, e.g. Europe/Brussels or +01:00 (INGInious: "
              + "forces the server offset instead of inferring it).")
  String tz;

  @Option(
      names = "--salt",
      paramLabel = "S",
      defaultValue = "gradesim",
      description = "Key of the username hash (default: ${DEFAULT-VALUE}).")
  String salt;

  @Option(names = "--keep-usernames", description = "Write usernames as they are (opt-in).")
  boolean keepUsernames;

  @Option(names = "--contest", paramLabel = "FILE", description = "ejudge contest JSON.")
  Path contest;

  @Option(
      names = "--map",
      paramLabel = "column=field",
      description = "Generic CSV: map an input column to a canonical field (repeatable).")
  Map<String, String> map = new LinkedHashMap<>();

  @Option(
      names = "--rejects",
      paramLabel = "FILE",
      description =
          "Where rejected rows go (default: OUT.csv.rejects.csv, written only when "
              + "rows are rejected).")
  Path rejects;

  @Option(names = "--strict", description = "Fail on the first bad row (exit code 2).")
  boolean strict;

  @Option(
      names = "--sort-chunk",
      hidden = true,
      defaultValue = "100000",
      description = "Rows sorted in memory before spilling a run to disk.")
  int sortChunk;

  @Option(
      names = "--pause-after-sort-run",
      hidden = true,
      paramLabel = "N",
      description = "Test hook: after N sorted runs are on disk, say so and wait to be killed.")
  int pauseAfterSortRun;

  @Override
  public Integer call() throws IOException {
    InputFiles.requireFile("INPUT", input);
    ZoneId zone = zone(tz);
    ImportOptions options = new ImportOptions(tasks, zone, salt, keepUsernames, contest, map);
    TraceImporter importer = format.importer();
    Path out = output.toAbsolutePath();
    Path rejectsPath =
        rejects != null ? rejects : out.resolveSibling(out.getFileName() + ".rejects.csv");
    new OutputGuard()
        .input("INPUT", input)
        .input("--tasks", tasks)
        .input("--contest", contest)
        .file("-o", output)
        .file(rejects != null ? "--rejects" : "the rejects file", rejectsPath)
        .check();
    PrintWriter err = spec.commandLine().getErr();
    PartialFiles.sweepNote(out.getParent(), rejectsPath.toAbsolutePath().getParent())
        .ifPresent(note -> err.println("trace import: " + note));
    long imported;
    long inversions;
    try (RejectsFile rejectsFile = new RejectsFile(rejectsPath)) {
      RejectSink sink = strict ? RejectSink.STRICT : rejectsFile;
      try (Stream<Submission> rows = ImportChecks.read(format, importer, input, options, sink);
          ExternalSorter sorter = new ExternalSorter(out.getParent(), sortChunk);
          CanonicalTraceWriter writer = new CanonicalTraceWriter(out)) {
        for (Iterator<Submission> it = rows.iterator(); it.hasNext(); ) {
          sorter.add(it.next());
          if (pauseAfterSortRun > 0 && sorter.runs() >= pauseAfterSortRun) {
            pause(err, sorter.runs());
          }
        }
        sorter.writeTo(writer);
        if (writer.rows() == 0 && rejectsFile.count() > 0) {
          rejectsFile.commit();
          throw new IllegalArgumentException(
              rejectsFile.first().getMessage()
                  + " (no row could"
                  + " be imported: is this "
                  + format.key()
                  + "? all "
                  + rejectsFile.count()
                  + " rejections in "
                  + rejectsFile.target()
                  + ")");
        }
        writer.commit();
        imported = writer.rows();
        inversions = sorter.inversions();
      }
      rejectsFile.commit();
      for (String note : importer.notes()) {
        err.println(note);
      }
      if (inversions > 0) {
        err.println("sorted by submitted_at (" + inversions + " rows were out of order)");
      }
      if (rejectsFile.count() > 0) {
        err.println("rejected rows and reasons: " + rejectsFile.target());
      }
      spec.commandLine()
          .getOut()
          .println("imported " + imported + ", rejected " + rejectsFile.count() + " -> " + output);
    }
    return 0;
  }

  /** The test hook of {@code --pause-after-sort-run}: a kill point defined by progress. */
  private static void pause(PrintWriter err, int runs) {
    err.println("trace import: paused after sort run " + runs);
    err.flush();
    while (true) {
      LockSupport.park();
    }
  }

  static ZoneId zone(String tz) {
    if (tz == null) {
      return null;
    }
    try {
      return ZoneId.of(tz);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "--tz: '" + tz + "' is not a zone (use e.g. " + "Europe/Brussels, UTC or +01:00)");
    }
  }

  /** Parses a format name, listing the known ones on error. */
  static final class FormatConverter implements CommandLine.ITypeConverter<TraceFormat> {
    @Override
    public TraceFormat convert(String value) {
      return TraceFormat.of(value);
    }
  }

  /** The format names, for help and completion. */
  static final class FormatCandidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Stream.of(TraceFormat.values()).map(TraceFormat::key).iterator();
    }
  }
}
