package io.gradesim.calibration;

import io.gradesim.calibration.fit.KsSelection;
import io.gradesim.calibration.fit.SampleStats;
import io.gradesim.calibration.host.HostFingerprint;
import io.gradesim.calibration.model.CalibrationProfile;
import io.gradesim.calibration.model.Fit;
import io.gradesim.calibration.model.RecordingInfo;
import io.gradesim.calibration.model.StageCost;
import io.gradesim.calibration.recording.BusyFilter;
import io.gradesim.calibration.recording.LoadSource;
import io.gradesim.calibration.recording.ProbeRecording;
import io.gradesim.probes.jfr.StageSample;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds a measured profile from a probe recording: leaves out warm-ups, failed stages and samples
 * taken while the machine was busy (each counted), groups the rest by runtime, stage, payload and
 * concurrency, and per group computes {@link SampleStats} and a {@link KsSelection} fit. Durations
 * are JFR's, converted to microseconds.
 *
 * <p>When every sample of a group was taken on a busy machine, dropping them would leave the
 * runtime without a cost at that level; such a group keeps its samples and its row says so ({@code
 * busy_only: true}), so the profile stays usable on a shared machine and readers can see which
 * figures are pessimistic.
 */
public final class Calibrator {

  private record Key(String runtime, String stage, String payload, int concurrency)
      implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = runtime.compareTo(o.runtime);
      c = c != 0 ? c : stage.compareTo(o.stage);
      c = c != 0 ? c : payload.compareTo(o.payload);
      return c != 0 ? c : Integer.compare(concurrency, o.concurrency);
    }
  }

  private final double busyThreshold;
  private final SortedMap<String, String> extraVersions;
  private final LoadSource loadSource;

  /**
   * A calibrator.
   *
   * @param busyThreshold other load above which a sample is left out (fraction of the machine)
   * @param extraVersions runtime versions given on the command line (override the recording's)
   * @param loadSource which events the busy filter takes the load of other work from
   */
  public Calibrator(
      double busyThreshold, Map<String, String> extraVersions, LoadSource loadSource) {
    this.busyThreshold = busyThreshold;
    this.extraVersions = new TreeMap<>(extraVersions);
    this.loadSource = loadSource;
  }

  /** A calibrator whose busy filter uses {@link LoadSource#AUTO}. */
  public Calibrator(double busyThreshold, Map<String, String> extraVersions) {
    this(busyThreshold, extraVersions, LoadSource.AUTO);
  }

  /**
   * The measured profile of a recording on this host (no literature rows).
   *
   * @throws IllegalArgumentException when the load source asks for events the recording lacks
   */
  public CalibrationProfile calibrate(ProbeRecording rec) {
    LoadSource.Selection chosen = loadSource.select(rec);
    BusyFilter filter = new BusyFilter(busyThreshold, chosen.windows());
    SortedMap<Key, List<Double>> quiet = new TreeMap<>();
    SortedMap<Key, List<Double>> busy = new TreeMap<>();
    int warmups = 0;
    int failed = 0;
    int unknown = 0;
    for (StageSample s : rec.samples()) {
      if (s.warmup()) {
        warmups++;
        continue;
      }
      if (!s.ok()) {
        failed++;
        continue;
      }
      Key k = new Key(s.runtime(), s.stage(), s.payload(), s.concurrency());
      quiet.computeIfAbsent(k, x -> new ArrayList<>());
      double load = filter.peakOtherLoad(s);
      boolean isBusy = !Double.isNaN(load) && BusyFilter.isBusy(load, busyThreshold);
      if (Double.isNaN(load)) {
        unknown++;
      }
      (isBusy ? busy.computeIfAbsent(k, x -> new ArrayList<>()) : quiet.get(k))
          .add(s.durationNs() / 1000.0);
    }
    String source = rec.file().getFileName() + " sha256:" + rec.sha256();
    List<StageCost> rows = new ArrayList<>();
    int busyTotal = 0;
    for (var e : quiet.entrySet()) {
      List<Double> b = busy.getOrDefault(e.getKey(), List.of());
      if (e.getValue().isEmpty()) {
        rows.add(row(e.getKey(), b, 0, true, source));
      } else {
        rows.add(row(e.getKey(), e.getValue(), b.size(), false, source));
        busyTotal += b.size();
      }
    }
    SortedMap<String, String> versions = new TreeMap<>(rec.runtimeVersions());
    versions.putAll(extraVersions);
    String recordedAt =
        Instant.ofEpochSecond(0, rec.firstEventNanos()).truncatedTo(ChronoUnit.SECONDS).toString();
    RecordingInfo info =
        new RecordingInfo(
            rec.file().getFileName().toString(),
            rec.sha256(),
            rec.samples().size(),
            warmups,
            failed,
            busyTotal,
            busyThreshold,
            rec.windows().size(),
            unknown,
            rec.hostWindows().size(),
            chosen.eventName());
    return CalibrationProfile.of(HostFingerprint.ofThisHost(versions, recordedAt), info, rows);
  }

  private static StageCost row(
      Key k, List<Double> xs, int busy, boolean busyOnly, String recording) {
    double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
    SampleStats st = SampleStats.of(x);
    List<Double> ci =
        Double.isNaN(st.medianCiLow())
            ? null
            : List.of(Fit.round(st.medianCiLow()), Fit.round(st.medianCiHigh()));
    String note = null;
    if (busyOnly) {
      note =
          "every sample was taken while the machine was busy with other work: kept, so this"
              + " row may overstate the cost on a quiet machine";
    } else if (ci == null) {
      note = "fewer than 6 samples: no confidence interval of the median";
    }
    return new StageCost(
        k.runtime,
        k.stage,
        k.payload,
        k.concurrency,
        StageCost.MEASURED,
        st.n(),
        busy,
        busyOnly ? Boolean.TRUE : null,
        Fit.round(st.p50()),
        Fit.round(st.p90()),
        Fit.round(st.p99()),
        Fit.round(st.mean()),
        Fit.round(st.stddev()),
        ci,
        Fit.of(KsSelection.of(x)),
        null,
        null,
        null,
        recording,
        note);
  }
}
