package io.gradesim.calibration.cli;

import io.gradesim.calibration.Calibrator;
import io.gradesim.calibration.model.CalibrationProfile;
import io.gradesim.calibration.model.StageCost;
import io.gradesim.calibration.recording.BusyFilter;
import io.gradesim.calibration.recording.LoadSource;
import io.gradesim.calibration.recording.OpCpuMeasure;
import io.gradesim.calibration.recording.ProbeRecording;
import io.gradesim.calibration.recording.ProbeRecordingReader;
import io.gradesim.files.OutputGuard;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gradesim calibrate}: fits a cost model to a probe recording and writes the profile. */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
      "Fits per-runtime, per-stage cost models to a probe recording.",
      "Reads a probe recording (probe.jfr, or the probe's output directory) and writes a "
          + "calibration profile: per runtime x stage x payload x concurrency, the sample count, "
          + "p50/p90/p99, mean, stddev, a 95%% CI of the median and a distribution (lognormal, gamma "
          + "or empirical, chosen by Kolmogorov-Smirnov distance), with this host's fingerprint. "
          + "Warm-ups, failed stages and samples taken while other work kept the machine busy "
          + "(gradesim.HostLoad: machine load minus the probe's own processes, runtimes and "
          + "containers; or jdk.CPULoad in older recordings) are left out and counted. Published "
          + "figures for runtimes that cannot run here (Firecracker, Kata) and the seed thesis's "
          + "Docker figures are added as 'source: literature' rows unless --no-literature."
    })
public final class CalibrateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "RECORDING",
      description = "probe.jfr, or a directory holding it")
  Path from;

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "PROFILE",
      description = "profile JSON to write (replaced atomically)")
  Path out;

  @Option(
      names = "--busy-threshold",
      paramLabel = "FRACTION",
      description =
          "leave out samples when the machine's load minus the probe's own exceeds this"
              + " fraction of the machine (default: ${DEFAULT-VALUE}; 1 disables)")
  double busyThreshold = BusyFilter.DEFAULT_THRESHOLD;

  @Option(
      names = "--load-source",
      paramLabel = "auto|host|jvm",
      converter = LoadSourceConverter.class,
      description =
          "where the busy filter takes the probe's own load from: host = gradesim.HostLoad (the"
              + " probe JVM, its descendants, runtime daemons and containers; an error if the"
              + " recording has none), jvm = jdk.CPULoad (the JVM alone: runtimes count as other"
              + " work), auto = host when recorded, else jvm (default: auto)")
  LoadSource loadSource = LoadSource.AUTO;

  @Option(
      names = "--runtime-version",
      paramLabel = "RUNTIME=VERSION",
      description =
          "runtime version for the host fingerprint (repeatable; overrides the recording)")
  Map<String, String> runtimeVersions = new LinkedHashMap<>();

  @Option(names = "--no-literature", description = "write measured rows only")
  boolean noLiterature;

  @Override
  public Integer call() throws Exception {
    Path recording = Files.isDirectory(from) ? from.resolve("probe.jfr") : from;
    new OutputGuard().input("--from", recording).file("-o", out).check();
    ProbeRecording rec = ProbeRecordingReader.read(from);
    CalibrationProfile profile =
        new Calibrator(busyThreshold, runtimeVersions, loadSource).calibrate(rec);
    int cores =
        profile.host() != null
            ? profile.host().cores()
            : Runtime.getRuntime().availableProcessors();
    profile = profile.withOpCpu(OpCpuMeasure.of(rec, cores));
    if (!noLiterature) {
      profile = profile.merge(CalibrationProfile.bundledLiterature());
    }
    profile.save(out);
    print(profile, spec.commandLine().getOut());
    return 0;
  }

  private static void print(CalibrationProfile p, PrintWriter w) {
    var r = p.recording();
    w.printf(
        Locale.ROOT,
        "%s: %d stage events; left out %d warm-up, %d failed, %d busy (other load > %.2f, %s)%n",
        r.file(),
        r.stageEvents(),
        r.warmupsSkipped(),
        r.failedSkipped(),
        r.busyExcluded(),
        r.busyThreshold(),
        r.loadSource());
    w.printf(
        Locale.ROOT,
        "%-16s %-7s %-12s %4s %5s %10s %23s %9s %9s  %s%n",
        "runtime",
        "stage",
        "payload",
        "conc",
        "n",
        "p50 ms",
        "95% CI of median (ms)",
        "p90 ms",
        "p99 ms",
        "fit / source");
    for (StageCost c : p.rows()) {
      w.printf(
          Locale.ROOT,
          "%-16s %-7s %-12s %4d %5s %10s %23s %9s %9s  %s%n",
          c.runtime(),
          c.stage(),
          c.payload(),
          c.concurrency(),
          c.n() == null ? "-" : c.n(),
          ms(c.p50Us()),
          ci(c),
          ms(c.p90Us()),
          ms(c.p99Us()),
          fitLabel(c));
    }
    p.opCpu()
        .forEach(
            (runtime, o) ->
                w.printf(
                    Locale.ROOT,
                    "%-16s op_cpu: %.3f of its container operations is CPU work"
                        + " (%d host-load windows, %.1f s of operations)%n",
                    runtime,
                    o.fraction(),
                    o.windows(),
                    o.seconds()));
    w.flush();
  }

  /** Parses {@code --load-source} with a message naming the option. */
  static final class LoadSourceConverter implements CommandLine.ITypeConverter<LoadSource> {
    @Override
    public LoadSource convert(String value) {
      return LoadSource.parse(value);
    }
  }

  private static String fitLabel(StageCost c) {
    if (c.literature()) {
      return "literature (" + c.statistic() + ")";
    }
    String fit = c.fit() == null ? "none" : c.fit().family();
    if (Boolean.TRUE.equals(c.busyOnly())) {
      return fit + ", all samples on a busy machine (kept)";
    }
    int busy = c.excludedBusy() == null ? 0 : c.excludedBusy();
    return busy > 0 ? fit + ", " + busy + " busy left out" : fit;
  }

  private static String ci(StageCost c) {
    if (c.medianCi95Us() == null) {
      return "-";
    }
    return "[" + ms(c.medianCi95Us().get(0)) + ", " + ms(c.medianCi95Us().get(1)) + "]";
  }

  private static String ms(Double us) {
    return us == null ? "-" : String.format(Locale.ROOT, "%.3f", us / 1000.0);
  }
}
