package io.gradesim.simulator.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradesim.files.AtomicWrite;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;

/**
 * How fast a run went on this machine, written to {@code perf.json}: the only output with
 * wall-clock figures, kept apart from {@code summary.json} so that file stays byte-identical.
 *
 * @param simWallMs wall time of the run in milliseconds
 * @param events events the run produced
 * @param submissions submissions the run simulated
 * @param heapPeakMb peak heap use in MiB (sum over heap pools of their peak, since the meter
 *     started; the JVM reports pool peaks, so this is an upper bound of the true joint peak)
 */
public record PerfReport(long simWallMs, long events, long submissions, double heapPeakMb) {
  /** File name of the report. */
  public static final String FILE = "perf.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Starts measuring: resets the heap pools' peaks and notes the wall clock. */
  public static Meter start() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
        pool.resetPeakUsage();
      }
    }
    return new Meter(System.nanoTime());
  }

  /** A running measurement; {@link #stop} gives the report. */
  public static final class Meter {
    private final long startNanos;

    private Meter(long startNanos) {
      this.startNanos = startNanos;
    }

    /** Ends the measurement of a run that produced {@code events} for {@code submissions}. */
    public PerfReport stop(long events, long submissions) {
      long wallMs = (System.nanoTime() - startNanos) / 1_000_000L;
      return new PerfReport(wallMs, events, submissions, currentHeapPeakMb());
    }
  }

  /** Sum of the heap pools' peak use in MiB. */
  public static double currentHeapPeakMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / (1024.0 * 1024.0);
  }

  /** Events per second of wall time. */
  public double eventsPerS() {
    return simWallMs == 0 ? Double.NaN : events * 1000.0 / simWallMs;
  }

  /** Submissions per second of wall time. */
  public double submissionsPerS() {
    return simWallMs == 0 ? Double.NaN : submissions * 1000.0 / simWallMs;
  }

  /** The {@code perf.json} text. */
  public String toJson() {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = JSON.getFactory().createGenerator(text)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      g.writeNumberField("sim_wall_ms", simWallMs);
      g.writeNumberField("events", events);
      g.writeNumberField("submissions", submissions);
      writeFixed(g, "events_per_s", eventsPerS(), 1);
      writeFixed(g, "submissions_per_s", submissionsPerS(), 1);
      writeFixed(g, "heap_peak_mb", heapPeakMb, 1);
      g.writeNumberField("available_processors", Runtime.getRuntime().availableProcessors());
      g.writeStringField("java_version", System.getProperty("java.version"));
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text + "\n";
  }

  /** Writes {@code perf.json} into {@code dir} (via a temporary file moved into place). */
  public Path writeTo(Path dir) throws IOException {
    return AtomicWrite.writeString(dir.resolve(FILE), toJson());
  }

  private static void writeFixed(JsonGenerator g, String key, double v, int decimals)
      throws IOException {
    g.writeFieldName(key);
    if (Double.isFinite(v)) {
      g.writeNumber(BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN));
    } else {
      g.writeNull();
    }
  }
}
