package io.gradesim.calibration.recording;

import io.gradesim.files.Sha256;
import io.gradesim.probes.jfr.HostLoadEvent;
import io.gradesim.probes.jfr.StageEvent;
import io.gradesim.probes.jfr.StageSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Streams a probe recording with {@link RecordingFile}, one event at a time, keeping only stage
 * samples, load windows ({@code jdk.CPULoad} and, when present, {@code gradesim.HostLoad}) and
 * runtime versions.
 *
 * <p>Runtime versions come from optional {@value #RUNTIME_INFO} events with String fields {@code
 * runtime} and {@code version}; a recording without them gives an empty map.
 */
public final class ProbeRecordingReader {

  /** Name of the optional event carrying a runtime's version. */
  public static final String RUNTIME_INFO = "gradesim.RuntimeInfo";

  private static final String CPU_LOAD = "jdk.CPULoad";

  private ProbeRecordingReader() {}

  /**
   * Reads a recording: {@code path} is a {@code .jfr} file or a probe output directory holding
   * {@code probe.jfr}.
   *
   * @throws IOException when the file is missing or not a readable JFR recording
   * @throws IllegalArgumentException when it holds no {@code gradesim.Stage} event
   */
  public static ProbeRecording read(Path path) throws IOException {
    Path file = Files.isDirectory(path) ? path.resolve("probe.jfr") : path;
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no probe recording (probe.jfr) here");
    }
    List<StageSample> samples = new ArrayList<>();
    List<long[]> loadTimes = new ArrayList<>();
    List<double[]> loads = new ArrayList<>();
    List<HostLoadWindow> hostWindows = new ArrayList<>();
    SortedMap<String, String> versions = new TreeMap<>();
    try (RecordingFile rf = new RecordingFile(file)) {
      while (rf.hasMoreEvents()) {
        RecordedEvent e = rf.readEvent();
        String name = e.getEventType().getName();
        if (StageEvent.NAME.equals(name)) {
          samples.add(StageSample.of(e));
        } else if (CPU_LOAD.equals(name)) {
          loadTimes.add(new long[] {nanos(e.getEndTime())});
          loads.add(
              new double[] {
                e.getFloat("jvmUser"), e.getFloat("jvmSystem"), e.getFloat("machineTotal")
              });
        } else if (HostLoadEvent.NAME.equals(name)) {
          hostWindows.add(hostWindow(e));
        } else if (RUNTIME_INFO.equals(name) && e.hasField("runtime") && e.hasField("version")) {
          versions.put(e.getString("runtime"), e.getString("version"));
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IOException(file + ": not a readable JFR recording (" + e.getMessage() + ")", e);
    }
    if (samples.isEmpty()) {
      throw new IllegalArgumentException(
          file + ": no " + StageEvent.NAME + " events: is this a gradesim probe recording?");
    }
    samples.sort(
        Comparator.comparingLong(StageSample::startEpochNs)
            .thenComparing(StageSample::runtime)
            .thenComparing(StageSample::stage)
            .thenComparingInt(StageSample::iteration));
    return new ProbeRecording(
        file,
        Sha256.ofFile(file),
        List.copyOf(samples),
        windows(loadTimes, loads),
        contiguous(hostWindows),
        versions,
        samples.get(0).startEpochNs());
  }

  /** A HostLoad event, for now reaching back its own {@code windowNanos} from its time. */
  private static HostLoadWindow hostWindow(RecordedEvent e) {
    long end = nanos(e.getEndTime());
    return new HostLoadWindow(
        end - e.getLong("windowNanos"),
        end,
        e.getDouble("machineLoad"),
        e.getDouble("probeLoad"),
        e.hasField("scanNanos") ? e.getLong("scanNanos") : 0);
  }

  /**
   * Sorts HostLoad windows by time and makes them contiguous: each averages since the previous
   * sample, so it starts where the previous event ended (its {@code windowNanos} is measured with
   * another clock, a few microseconds to milliseconds apart); the first keeps its own length.
   */
  private static List<HostLoadWindow> contiguous(List<HostLoadWindow> ws) {
    ws.sort(Comparator.comparingLong(HostLoadWindow::endNanos));
    List<HostLoadWindow> out = new ArrayList<>(ws.size());
    for (int i = 0; i < ws.size(); i++) {
      HostLoadWindow w = ws.get(i);
      long start = i == 0 ? w.startNanos() : ws.get(i - 1).endNanos();
      out.add(
          new HostLoadWindow(start, w.endNanos(), w.machineLoad(), w.probeLoad(), w.scanNanos()));
    }
    return List.copyOf(out);
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  /** Turns CPULoad instants into windows: each covers the time since the previous event. */
  private static List<CpuLoadWindow> windows(List<long[]> times, List<double[]> loads) {
    int n = times.size();
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingLong(i -> times.get(i)[0]));
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      t[i] = times.get(order[i])[0];
    }
    long typical = typicalGap(t);
    List<CpuLoadWindow> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double[] l = loads.get(order[i]);
      long start = i == 0 ? t[0] - typical : t[i - 1];
      out.add(new CpuLoadWindow(start, t[i], l[0], l[1], l[2]));
    }
    return List.copyOf(out);
  }

  /** Median gap between CPULoad events; one second (JFR's default period) with fewer than 2. */
  private static long typicalGap(long[] t) {
    if (t.length < 2) {
      return 1_000_000_000L;
    }
    long[] gaps = new long[t.length - 1];
    for (int i = 1; i < t.length; i++) {
      gaps[i - 1] = t[i] - t[i - 1];
    }
    Arrays.sort(gaps);
    return gaps[gaps.length / 2];
  }
}
