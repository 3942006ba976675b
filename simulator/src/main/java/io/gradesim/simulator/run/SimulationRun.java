package io.gradesim.simulator.run;

import io.gradesim.simulator.engine.SimulationEngine;
import io.gradesim.simulator.engine.SubmissionSource;
import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEventListener;
import io.gradesim.simulator.model.StageCosts;
import io.gradesim.simulator.output.PerfReport;
import io.gradesim.simulator.output.RunOutputWriter;
import io.gradesim.simulator.output.RunSummary;
import io.gradesim.simulator.scenario.ScenarioSettings;
import io.gradesim.traces.Submission;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run of a trace through a scenario into an output directory, as a {@link RunTask}: streams
 * the trace into the engine and the events into the listeners (the output fold first, then any
 * extra listener such as a journal); on finish it moves the outputs into place, appends
 * {@code RunFinished} with the summary to the extra listeners and writes {@code perf.json}.
 * Progress goes to {@code progress} every few seconds of wall time.
 */
public final class SimulationRun implements RunTask {
  private static final long PROGRESS_NANOS = 3_000_000_000L;

  private final Path out;
  private final Stream<Submission> trace;
  private final RunOutputWriter writer;
  private final List<SimEventListener> extra;
  private final SimulationEngine engine;
  private final PerfReport.Meter meter = PerfReport.start();
  private final PrintStream progress;
  private final long expected;
  private long lastProgress = System.nanoTime();
  private RunSummary summary;

  /**
   * Opens the run: {@code header} is the RunStarted event, {@code extra} further listeners,
   * {@code expected} the trace's row count (for progress), {@code progress} may be null.
   */
  public SimulationRun(Path tracePath, ScenarioSettings scenario, StageCosts costs,
      TraceSurvey survey, SimEvent.RunStarted header, Path out, List<SimEventListener> extra,
      PrintStream progress) throws Exception {
    this.out = out;
    this.extra = List.copyOf(extra);
    this.progress = progress;
    this.expected = survey.submissions();
    this.trace = TraceSurvey.open(tracePath);
    RunOutputWriter w = null;
    try {
      w = new RunOutputWriter(out);
      List<SimEventListener> all = new ArrayList<>();
      all.add(w);
      all.addAll(extra);
      this.engine = new SimulationEngine(scenario, costs, survey.grading(),
          SubmissionSource.of(trace.iterator()), header, new CompositeListener(all));
    } catch (Exception | Error e) {
      trace.close();
      if (w != null) {
        w.close();
      }
      throw e;
    }
    this.writer = w;
  }

  @Override
  public boolean advance(long maxEvents) {
    boolean done = engine.advance(maxEvents);
    long t = System.nanoTime();
    if (progress != null && !done && t - lastProgress > PROGRESS_NANOS) {
      lastProgress = t;
      progress.printf("simulate: %,d of %,d submissions arrived, virtual time %.0f s%n",
          engine.arrivals(), expected, engine.now() / 1e6);
    }
    return done;
  }

  @Override
  public RunOutcome.Completed finish() throws Exception {
    summary = writer.finish();
    SimEvent.RunFinished finished = new SimEvent.RunFinished(engine.now(), summary.toJson());
    for (SimEventListener l : extra) {
      l.on(finished);
    }
    meter.stop(engine.events(), engine.arrivals()).writeTo(out);
    return new RunOutcome.Completed(out.toString(), engine.events(), engine.arrivals(), 0,
        summary.toJson());
  }

  /** The summary, once finished. */
  public RunSummary summary() {
    return summary;
  }

  @Override
  public void close() throws Exception {
    try {
      trace.close();
    } finally {
      writer.close();
    }
  }
}
