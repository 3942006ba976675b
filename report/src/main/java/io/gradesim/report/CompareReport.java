package io.gradesim.report;

import io.gradesim.files.AtomicWrite;
import io.gradesim.files.progress.ProgressBar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The comparison of finished runs, one per scenario: the terminal table, {@code compare.csv} and
 * {@code report.html}. All three are rendered in memory first and then written each to a temporary
 * file moved into place, so a failure leaves no half-written report.
 */
public final class CompareReport {
  /** Output file names inside the output directory. */
  public static final String CSV = "compare.csv";

  /** The HTML page's file name. */
  public static final String HTML = "report.html";

  private final List<RunResult> runs;
  private final Optional<StageCostTable> costs;
  private final Verdict verdict;
  private final Set<String> literature;
  private final Optional<ReplicatedComparison> replicated;

  private CompareReport(List<RunResult> runs, Optional<StageCostTable> costs, Verdict verdict) {
    this(runs, costs, verdict, Optional.empty());
  }

  private CompareReport(
      List<RunResult> runs,
      Optional<StageCostTable> costs,
      Verdict verdict,
      Optional<ReplicatedComparison> replicated) {
    this.replicated = replicated;
    this.runs = List.copyOf(runs);
    this.costs = costs;
    this.verdict = verdict;
    Set<String> lit = new HashSet<>();
    costs.ifPresent(
        c ->
            runs.forEach(
                r -> {
                  if (c.literatureOnly(r.summary().runtime())) {
                    lit.add(r.summary().runtime());
                  }
                }));
    this.literature = Set.copyOf(lit);
  }

  /**
   * Reads {@code runDirs} (in that order) and the optional calibration {@code profile}; {@code
   * progress} advances by the bytes of the runs' distributions read (histogram logs, or
   * submissions.csv for a run written before them), its total given by {@link #bytesToRead}.
   */
  public static CompareReport read(
      List<Path> runDirs, Optional<Path> profile, Verdict verdict, ProgressBar progress)
      throws IOException {
    if (runDirs.isEmpty()) {
      throw new IllegalArgumentException("compare: no run directories given");
    }
    Optional<StageCostTable> costs =
        profile.isPresent() ? Optional.of(StageCostTable.read(profile.get())) : Optional.empty();
    List<RunResult> runs = new ArrayList<>();
    long before = 0;
    Map<String, Path> names = new LinkedHashMap<>();
    for (Path dir : runDirs) {
      long offset = before;
      RunResult r = RunResult.read(dir, bytes -> progress.set(offset + bytes));
      Path clash = names.putIfAbsent(r.name(), dir);
      if (clash != null) {
        throw new IllegalArgumentException(
            dir
                + ": scenario name '"
                + r.name()
                + "' is also the name of "
                + clash
                + ": each run must be a different scenario");
      }
      runs.add(r);
      before += RunResult.bytesToRead(dir);
      progress.set(before);
    }
    return new CompareReport(runs, costs, verdict);
  }

  /** Total size of the files {@link #read} goes through: the progress bar's total. */
  public static long bytesToRead(List<Path> runDirs) {
    long total = 0;
    for (Path dir : runDirs) {
      total += RunResult.bytesToRead(dir);
    }
    return total;
  }

  /**
   * This report over replications: {@code replications} holds, per run in the order given, the
   * directories of its further runs (other seeds); the table, CSV and page then show intervals at
   * {@code confidence} and the verdict over them, the charts the first run of each scenario.
   */
  public CompareReport withReplications(List<List<Path>> replications, double confidence)
      throws IOException {
    if (replications.size() != runs.size()) {
      throw new IllegalArgumentException("one list of replications per run");
    }
    List<List<ReportRow>> rows = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      List<ReportRow> reps = new ArrayList<>(List.of(runs.get(i).summary()));
      for (Path dir : replications.get(i)) {
        reps.add(ReportRow.read(dir));
      }
      rows.add(reps);
    }
    return new CompareReport(
        runs,
        costs,
        verdict,
        Optional.of(new ReplicatedComparison(rows, verdict, confidence, literature)));
  }

  /** The comparison over replications, when this report has them. */
  public Optional<ReplicatedComparison> replicated() {
    return replicated;
  }

  /** The runs in the order given. */
  public List<RunResult> runs() {
    return runs;
  }

  /** The terminal table followed by the verdict. */
  public String table() {
    if (replicated.isPresent()) {
      return replicated.get().table();
    }
    List<ReportRow> s = summaries();
    String note =
        literature.isEmpty()
            ? ""
            : "(lit): stage costs from published figures, " + "not measured on this host.\n";
    return CompareTable.render(s, verdict, literature)
        + note
        + verdict.rule()
        + "\n"
        + verdict.explain(s)
        + "\n";
  }

  /** The content of compare.csv. */
  public String csv() {
    if (replicated.isPresent()) {
      return replicated.get().csv();
    }
    return CompareCsv.render(summaries(), verdict, literature);
  }

  /** The content of report.html. */
  public String html() {
    return ReportPage.render(
        runs, costs, verdict, literature, replicated.map(ReplicatedComparison::html));
  }

  /** Writes compare.csv and report.html into {@code outDir}; returns the page's path. */
  public Path writeTo(Path outDir) throws IOException {
    String csv = csv();
    String html = html();
    Files.createDirectories(outDir);
    write(outDir.resolve(CSV), csv);
    Path page = outDir.resolve(HTML);
    write(page, html);
    return page;
  }

  private List<ReportRow> summaries() {
    return runs.stream().map(RunResult::summary).toList();
  }

  private static void write(Path target, String text) throws IOException {
    AtomicWrite.writeString(target, text);
  }
}
