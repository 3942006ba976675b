package io.gradesim.probes.jfr;

import io.gradesim.files.AtomicWrite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Reads the measured (non-warm-up) stage samples back from a dumped recording and writes them as
 * CSV, one row per stage. Reading the file is simpler than a RecordingStream, which delivers events
 * only about a second after commit and cannot be stopped on Java 17.
 */
public final class StageCsv {
  /** The CSV header; the first seven columns are the contract calibration relies on. */
  public static final String[] HEADER = {
    "runtime",
    "stage",
    "payload",
    "concurrency",
    "iteration",
    "ok",
    "duration_ns",
    "slot",
    "start_epoch_ns",
    "load1",
    "error"
  };

  private StageCsv() {}

  /** The measured stage samples of {@code jfr}, ordered by start time. */
  public static List<StageSample> read(Path jfr) throws IOException {
    List<StageSample> out = new ArrayList<>();
    for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
      if (e.getEventType().getName().equals(StageEvent.NAME) && !e.getBoolean("warmup")) {
        out.add(StageSample.of(e));
      }
    }
    out.sort(Comparator.comparingLong(StageSample::startEpochNs));
    return out;
  }

  /** Writes {@code samples} to {@code csv} whole or not at all ({@link AtomicWrite}). */
  public static void write(List<StageSample> samples, Path csv) throws IOException {
    AtomicWrite.write(
        csv,
        w -> {
          CSVPrinter p = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(w);
          for (StageSample s : samples) {
            p.printRecord(
                s.runtime(),
                s.stage(),
                s.payload(),
                s.concurrency(),
                s.iteration(),
                s.ok(),
                s.durationNs(),
                s.slot(),
                s.startEpochNs(),
                String.format(java.util.Locale.ROOT, "%.2f", s.load1()),
                s.error());
          }
          p.flush();
        });
  }
}
