package io.gradesim.simulator.run;

import io.gradesim.simulator.engine.SimulationEngine;
import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEventListener;
import io.gradesim.simulator.model.StageCosts;
import io.gradesim.simulator.output.PerfReport;
import io.gradesim.simulator.output.RunOutputWriter;
import io.gradesim.simulator.output.RunSummary;
import io.gradesim.simulator.scenario.ScenarioSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A run of a trace through a scenario into an output directory, as a {@link RunTask}: streams the
 * trace into the engine and the events into the listeners (the output fold first, then any extra
 * listener such as a journal); on finish it moves the outputs into place, appends {@code
 * RunFinished} with the summary to the extra listeners and writes {@code perf.json}. Progress goes
 * to {@code progress} every few seconds of wall time.
 */
public final class SimulationRun implements RunTask {
  private static final long PROGRESS_NANOS = 3_000_000_000L;

  private final Path out;
  private final TraceScan.Feed trace;
  private final RunOutputWriter writer;
  private final List<SimEventListener> extra;
  private final SimulationEngine engine;
  private final PerfReport.Meter meter = PerfReport.start();
  private final PrintStream progress;
  private final long expected;
  private final Consumer<RunSummary> onSummary;
  private long lastProgress = System.nanoTime();

  /**
   * Opens the run: {@code header} is the RunStarted event, {@code extra} further listeners, {@code
   * progress} may be null; {@code onSummary} receives the summary once the run finished.
   */
  public SimulationRun(
      Path tracePath,
      ScenarioSettings scenario,
      StageCosts costs,
      TraceSurvey survey,
      SimEvent.RunStarted header,
      Path out,
      List<SimEventListener> extra,
      PrintStream progress,
      Consumer<RunSummary> onSummary)
      throws Exception {
    this.out = out;
    this.onSummary = onSummary;
    this.extra = List.copyOf(extra);
    this.progress = progress;
    this.expected = survey.submissions();
    this.trace = survey.scan().open();
    RunOutputWriter w = null;
    try {
      w = new RunOutputWriter(out);
      List<SimEventListener> all = new ArrayList<>();
      all.add(w);
      all.addAll(extra);
      this.engine =
          new SimulationEngine(
              scenario,
              costs,
              survey.grading(),
              trace.source(),
              header,
              new CompositeListener(all));
    } catch (Exception | Error e) {
      trace.close().run();
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
      progress.printf(
          "simulate: %,d of %,d submissions arrived, virtual time %.0f s%n",
          engine.arrivals(), expected, engine.now() / 1e6);
    }
    return done;
  }

  @Override
  public RunOutcome.Completed finish() throws Exception {
    RunSummary summary = writer.finish();
    SimEvent.RunFinished finished = new SimEvent.RunFinished(engine.now(), summary.toJson());
    for (SimEventListener l : extra) {
      l.on(finished);
    }
    meter.stop(engine.events(), engine.arrivals()).writeTo(out);
    onSummary.accept(summary);
    return new RunOutcome.Completed(
        out.toString(), engine.events(), engine.arrivals(), 0, summary.toJson());
  }

  @Override
  public void close() throws Exception {
    try {
      trace.close().run();
    } finally {
      writer.close();
    }
  }
}
