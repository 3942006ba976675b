package io.gradesim.simulator.output;

import io.gradesim.files.AtomicWrite;
import io.gradesim.files.PartialFiles;
import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEvent.AgentDown;
import io.gradesim.simulator.event.SimEvent.AgentLost;
import io.gradesim.simulator.event.SimEvent.AgentUp;
import io.gradesim.simulator.event.SimEvent.ContainerCreated;
import io.gradesim.simulator.event.SimEvent.ContainerRemoved;
import io.gradesim.simulator.event.SimEvent.ContainerStarted;
import io.gradesim.simulator.event.SimEvent.GradingFinished;
import io.gradesim.simulator.event.SimEvent.ResultDelivered;
import io.gradesim.simulator.event.SimEvent.RunFinished;
import io.gradesim.simulator.event.SimEvent.RunStarted;
import io.gradesim.simulator.event.SimEvent.SubmissionArrived;
import io.gradesim.simulator.event.SimEvent.SubmissionDeferred;
import io.gradesim.simulator.event.SimEvent.SubmissionDispatched;
import io.gradesim.simulator.event.SimEvent.SubmissionNeverSent;
import io.gradesim.simulator.event.SimEvent.SubmissionQueued;
import io.gradesim.simulator.event.SimEvent.SubmissionRefused;
import io.gradesim.simulator.event.SimEvent.SubmissionRejected;
import io.gradesim.simulator.event.SimEvent.SubmissionRetried;
import io.gradesim.simulator.event.SimEventListener;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a run's event stream into its output files: {@code submissions.csv}, {@code timeseries.csv}
 * and {@code summary.json} (see {@code simulator/OUTPUTS.md}). It depends on the events alone, so a
 * journal replaying them rebuilds byte-identical files.
 *
 * <p>Files are written under temporary names named after the writing JVM ({@code
 * .submissions.csv.gradesim-<pid>-<n>.partial}, ...; see {@link PartialFiles}, which also sweeps a
 * killed run's here); {@link #finish()} moves them into place, {@code summary.json} last. {@link
 * #close()} without {@code finish()} deletes them, so an interrupted run leaves nothing that looks
 * finished. Opening a writer on a directory removes the outputs of an earlier run there for the
 * same reason.
 *
 * <p>The engine's side of the contract: events arrive in time order; a slot is busy from
 * SubmissionDispatched to ContainerRemoved, or to GradingFinished when no container was created (a
 * job that crashes at once), or to AgentLost, or at the latest to ResultDelivered. A {@link
 * RunFinished} event is ignored (the command appends it after the run).
 *
 * <p>One writer folds one run on one thread; it is not thread-safe.
 */
public final class RunOutputWriter implements SimEventListener, AutoCloseable {
  /** File name of the per-submission table. */
  public static final String SUBMISSIONS = "submissions.csv";

  /** File name of the per-bucket time series. */
  public static final String TIMESERIES = "timeseries.csv";

  /** File name of the run summary. */
  public static final String SUMMARY = "summary.json";

  /** File name of the HdrHistogram log of the waits (µs). */
  public static final String WAIT_LOG = "wait.hlog";

  /** File name of the HdrHistogram log of the feedback times (µs). */
  public static final String FEEDBACK_LOG = "feedback.hlog";

  /** Every file a run writes here, in the order they move into place: summary.json last. */
  public static final List<String> FILES =
      List.of(SUBMISSIONS, TIMESERIES, WAIT_LOG, FEEDBACK_LOG, SUMMARY);

  private static final double MICROS_PER_HOUR = 3.6e9;

  private final Path dir;
  private final Map<String, Path> partials = new HashMap<>();
  private final CsvSink submissionsOut;
  private final CsvSink timeseriesOut;
  private RunStarted started;
  private OutputSettings settings;
  private SubmissionTable table;
  private OccupancyTimeline timeline;
  private long events;
  private long delivered;
  private long rejected;
  private long deferred;
  private long retried;
  private long neverSent;
  private long lastT;
  private boolean finished;
  private boolean closed;
  private final boolean discardRows;

  /** Opens the partial files in {@code dir}, creating it if needed. */
  public RunOutputWriter(Path dir) throws IOException {
    this(dir, false);
  }

  /**
   * As {@link #RunOutputWriter(Path)}; with {@code discardRows} the two CSV files stay empty and
   * their rows are formatted and dropped (for the benchmark: the fold without the disk).
   */
  public RunOutputWriter(Path dir, boolean discardRows) throws IOException {
    this.dir = dir;
    this.discardRows = discardRows;
    Files.createDirectories(dir);
    PartialFiles.sweep(dir);
    for (String name : FILES) {
      Files.deleteIfExists(dir.resolve(name));
    }
    CsvSink submissions = null;
    try {
      for (String name : FILES) {
        partials.put(name, PartialFiles.createFile(dir.resolve(name)));
      }
      submissions = open(SUBMISSIONS);
      timeseriesOut = open(TIMESERIES);
      submissions.header(SubmissionColumn.header());
      timeseriesOut.header(TimeseriesColumn.header());
    } catch (IOException | RuntimeException e) {
      if (submissions != null) {
        submissions.close();
      }
      for (Path p : partials.values()) {
        PartialFiles.delete(p);
      }
      throw e;
    }
    submissionsOut = submissions;
  }

  @Override
  public void on(SimEvent e) {
    if (e instanceof RunFinished) {
      return;
    }
    if (finished || closed) {
      throw new IllegalStateException("event after the outputs were finished or closed: " + e);
    }
    try {
      if (started == null) {
        start(e);
        return;
      }
      long t = e.t();
      timeline.advance(t);
      lastT = t;
      events++;
      apply(e, t);
      table.expire(t);
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
  }

  private void apply(SimEvent e, long t) throws IOException {
    if (e instanceof SubmissionArrived) {
      SubmissionArrived a = (SubmissionArrived) e;
      table.arrived(t, a.n(), a.id());
      timeline.arrival();
    } else if (e instanceof SubmissionQueued) {
      if (table.queued(t, ((SubmissionQueued) e).n())) {
        timeline.queue(1);
      }
    } else if (e instanceof SubmissionDispatched) {
      SubmissionDispatched d = (SubmissionDispatched) e;
      if (table.dispatched(t, d.n(), d.agent(), d.slot())) {
        timeline.queue(-1);
      }
      timeline.busy(1);
    } else if (e instanceof ContainerCreated) {
      table.created(((ContainerCreated) e).n());
    } else if (e instanceof ContainerStarted) {
      table.stage(t, ((ContainerStarted) e).n(), SubmissionTable.STARTED);
    } else if (e instanceof GradingFinished) {
      GradingFinished g = (GradingFinished) e;
      freeIf(table.graded(t, g.n(), g.result()));
    } else if (e instanceof ContainerRemoved) {
      freeIf(table.removed(t, ((ContainerRemoved) e).n()));
    } else if (e instanceof ResultDelivered) {
      delivered++;
      timeline.completion();
      freeIf(table.delivered(t, ((ResultDelivered) e).n()));
    } else {
      applyRare(e, t);
    }
  }

  private void applyRare(SimEvent e, long t) throws IOException {
    if (e instanceof SubmissionRejected) {
      rejected++;
      table.rejected(t, ((SubmissionRejected) e).n());
    } else if (e instanceof SubmissionDeferred) {
      deferred++;
    } else if (e instanceof SubmissionRefused) {
      rejected++;
    } else if (e instanceof SubmissionRetried) {
      retried++;
    } else if (e instanceof SubmissionNeverSent) {
      neverSent++;
      table.neverSent(t, ((SubmissionNeverSent) e).n());
    } else if (e instanceof AgentUp) {
      AgentUp u = (AgentUp) e;
      timeline.agentUp(u.agent(), u.slots(), u.cores());
    } else if (e instanceof AgentDown) {
      timeline.agentGone(((AgentDown) e).agent());
    } else if (e instanceof AgentLost) {
      AgentLost l = (AgentLost) e;
      timeline.busy(-table.agentLost(t, l.agent()));
      timeline.agentGone(l.agent());
    } else if (e instanceof RunStarted) {
      throw new IllegalStateException("a second RunStarted in one run: " + e);
    }
  }

  private void freeIf(boolean freed) {
    if (freed) {
      timeline.busy(-1);
    }
  }

  private void start(SimEvent e) throws IOException {
    if (!(e instanceof RunStarted)) {
      throw new IllegalStateException("a run's first event must be RunStarted, got " + e);
    }
    started = (RunStarted) e;
    settings = OutputSettings.fromScenario(started.scenarioName(), started.scenarioJson());
    table = new SubmissionTable(submissionsOut, started.epochMicros());
    timeline =
        new OccupancyTimeline(
            timeseriesOut, started.epochMicros(), settings.bucketMicros(), started.t());
    lastT = started.t();
    events = 1;
  }

  /**
   * Ends the run at its last event: writes the remaining rows and the last bucket, then moves the
   * files into place, {@code summary.json} last, and returns the summary.
   */
  public RunSummary finish() throws IOException {
    if (finished || closed) {
      throw new IllegalStateException("outputs already finished or closed");
    }
    if (started == null) {
      throw new IllegalStateException("no RunStarted event: nothing to summarise");
    }
    timeline.finish(lastT);
    table.finishAll();
    submissionsOut.close();
    timeseriesOut.close();
    RunSummary summary = summarise();
    writeLog(WAIT_LOG, "waits (dispatched - arrival)", table.stats().waits());
    writeLog(FEEDBACK_LOG, "feedback times (delivered - arrival)", table.stats().feedbacks());
    try {
      Files.writeString(partial(SUMMARY), summary.toJson());
    } catch (IOException e) {
      throw PathNamingOutputStream.naming(partial(SUMMARY), e);
    }
    for (String name : FILES) {
      moveIntoPlace(name);
    }
    finished = true;
    return summary;
  }

  private void writeLog(String name, String what, DurationStats stats) throws IOException {
    try {
      HistogramLog.write(partial(name), what, stats, started.epochMicros(), started.t(), lastT);
    } catch (IOException e) {
      throw PathNamingOutputStream.naming(partial(name), e);
    }
  }

  private RunSummary summarise() {
    long duration = lastT - started.t();
    SubmissionStats stats = table.stats();
    DurationStats wait = stats.waits();
    DurationStats feedback = stats.feedbacks();
    double coreHours = timeline.coreArea() / MICROS_PER_HOUR;
    double agentHours = timeline.agentArea() / MICROS_PER_HOUR;
    RunSummary.Provenance provenance =
        new RunSummary.Provenance(
            started.version(),
            started.traceFile(),
            started.traceHash(),
            started.scenarioName(),
            started.scenarioHash(),
            started.calibrationFile(),
            started.calibrationHash(),
            started.seed(),
            CsvSink.formatInstant(started.epochMicros()));
    return new RunSummary(
        table.arrivals(),
        events,
        delivered,
        rejected,
        deferred,
        settings.closedLoop() ? retried : null,
        settings.closedLoop() ? neverSent : null,
        wait.count(),
        wait.meanSeconds(),
        wait.percentileSeconds(50),
        wait.percentileSeconds(95),
        wait.percentileSeconds(99),
        wait.maxSeconds(),
        stats.waitedShare(),
        stats.queueWaitMeanSeconds(),
        feedback.meanSeconds(),
        feedback.percentileSeconds(50),
        feedback.percentileSeconds(95),
        feedback.percentileSeconds(99),
        feedback.maxSeconds(),
        duration == 0 ? Double.NaN : timeline.queueArea() / (double) duration,
        timeline.peakQueue(),
        timeline.slotArea() == 0 ? Double.NaN : timeline.busyArea() / (double) timeline.slotArea(),
        duration / 1e6,
        coreHours,
        agentHours,
        coreHours * settings.coreHourPrice() + agentHours * settings.agentHourPrice(),
        Collections.unmodifiableSortedMap(stats.results()),
        settings.gradingSources(),
        provenance,
        settings.pool());
  }

  /** Rows held in memory now: from the oldest unwritten submission to the newest arrival. */
  public int bufferedRows() {
    return table == null ? 0 : table.buffered();
  }

  /** The most rows held in memory at once during the run. */
  public int peakBufferedRows() {
    return table == null ? 0 : table.peakBuffered();
  }

  /** Closes the files; without a prior {@link #finish()} the partial files are deleted. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (finished) {
      return;
    }
    try {
      try {
        submissionsOut.close();
      } finally {
        timeseriesOut.close(); // even if the first failed (a full disk): no file left open
      }
    } finally {
      // A finish() that failed half-way may have moved some files already: remove those too.
      for (String name : FILES) {
        PartialFiles.delete(partial(name));
        Files.deleteIfExists(dir.resolve(name));
      }
    }
  }

  private CsvSink open(String name) throws IOException {
    if (discardRows) {
      return new CsvSink(OutputStream.nullOutputStream());
    }
    return new CsvSink(
        new PathNamingOutputStream(partial(name), Files.newOutputStream(partial(name))));
  }

  private Path partial(String name) {
    return partials.get(name);
  }

  private void moveIntoPlace(String name) throws IOException {
    AtomicWrite.moveIntoPlace(partial(name), dir.resolve(name));
  }
}
