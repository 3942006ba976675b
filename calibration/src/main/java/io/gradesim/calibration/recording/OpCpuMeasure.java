package io.gradesim.calibration.recording;

import io.gradesim.calibration.model.OpCpu;
import io.gradesim.probes.jfr.StageSample;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Measures the CPU share of each runtime's container operations ({@link OpCpu}) from a probe
 * recording's {@code gradesim.HostLoad} windows.
 *
 * <p>In each window the probe's own work (its JVM, the runtimes, their daemons and containers) used
 * {@code probe load × cores × length} of CPU, less the probe's {@code /proc} scan; the stage
 * samples give, per runtime, the wall time its operations ran in that window (summed over
 * concurrent operations). Only windows where nothing but operations ran are used: the {@code true}
 * payload at a concurrency the host's cores serve at once, so that no operation waits for a core; a
 * window touching any other sample (a {@code cpu} payload, a higher concurrency) is left out, and
 * so is a window without operations. The probe interleaves the runtimes' rounds, so one window may
 * hold several runtimes: the shares are the least-squares solution, without intercept, of CPU = Σ
 * share × wall over the windows, each clamped to [0, cores]. A share above 1 says that the
 * runtime's processes, its daemons and the JVM's own work around each operation (spawning them)
 * keep more than one core busy, as an agent's work around its containers does.
 */
public final class OpCpuMeasure {
  /** The payload whose lifecycles are nothing but container operations. */
  static final String OPS_PAYLOAD = "true";

  private OpCpuMeasure() {}

  /** The share per runtime; a runtime seen in too few usable windows is left out. */
  public static SortedMap<String, OpCpu> of(ProbeRecording r, int cores) {
    List<String> runtimes = new ArrayList<>();
    for (StageSample s : r.samples()) {
      if (eligible(s, cores) && !runtimes.contains(s.runtime())) {
        runtimes.add(s.runtime());
      }
    }
    runtimes.sort(null);
    List<double[]> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (HostLoadWindow w : r.hostWindows()) {
      double[] x = new double[runtimes.size()];
      boolean clean = true;
      boolean any = false;
      for (StageSample s : r.samples()) {
        long a = Math.max(s.startEpochNs(), w.startNanos());
        long b = Math.min(s.startEpochNs() + s.durationNs(), w.endNanos());
        if (b <= a) {
          continue;
        }
        if (!eligible(s, cores)) {
          clean = false;
          break;
        }
        x[runtimes.indexOf(s.runtime())] += (b - a) / 1e9;
        any = true;
      }
      if (clean && any) {
        xs.add(x);
        ys.add((w.probeLoad() * cores * (w.endNanos() - w.startNanos()) - w.scanNanos()) / 1e9);
      }
    }
    SortedMap<String, OpCpu> out = new TreeMap<>();
    double[] shares = solve(xs, ys, runtimes.size());
    if (shares == null) {
      return out;
    }
    for (int i = 0; i < runtimes.size(); i++) {
      int windows = 0;
      double seconds = 0;
      for (double[] x : xs) {
        if (x[i] > 0) {
          windows++;
          seconds += x[i];
        }
      }
      if (windows >= MIN_WINDOWS) {
        double share = Math.max(0, Math.min(Math.min(cores, OpCpu.MAX), shares[i]));
        out.put(runtimes.get(i), new OpCpu(share, windows, seconds));
      }
    }
    return out;
  }

  /** Fewest windows a runtime's share is measured over. */
  static final int MIN_WINDOWS = 3;

  private static boolean eligible(StageSample s, int cores) {
    return OPS_PAYLOAD.equals(s.payload()) && s.concurrency() <= cores;
  }

  /** Least squares without intercept, or null when the windows do not determine the shares. */
  private static double[] solve(List<double[]> xs, List<Double> ys, int k) {
    if (k == 0 || xs.size() <= k) {
      return null;
    }
    if (k == 1) {
      double sxy = 0;
      double sxx = 0;
      for (int i = 0; i < xs.size(); i++) {
        sxy += xs.get(i)[0] * ys.get(i);
        sxx += xs.get(i)[0] * xs.get(i)[0];
      }
      return sxx == 0 ? null : new double[] {sxy / sxx};
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.setNoIntercept(true);
    double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
    try {
      ols.newSampleData(y, xs.toArray(new double[0][]));
      return ols.estimateRegressionParameters();
    } catch (MathIllegalArgumentException e) { // a singular matrix among them
      return null;
    }
  }
}
