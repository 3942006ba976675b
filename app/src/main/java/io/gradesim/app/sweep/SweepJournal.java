package io.gradesim.app.sweep;

import io.gradesim.journal.RunJournal;
import io.gradesim.journal.RunRecorder;
import io.gradesim.journal.RunState;
import io.gradesim.journal.cli.RunsExportCommand;
import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEventListener;
import io.gradesim.simulator.output.RunOutputWriter;
import io.gradesim.simulator.run.RunOutcome;
import io.gradesim.simulator.run.RunSpec;
import io.gradesim.simulator.run.RunTask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A sweep's runs in the journal: each run is recorded under its {@link RunRequest#runId} (one hash
 * of its four input hashes and its seed), so the same command run again finds the runs it already
 * finished and does not run them again, and resumes the others (the journal's recorder skips the
 * events it holds; see the journal's README, "How resume works").
 */
public final class SweepJournal {
  private final RunJournal journal;
  private int kept;

  /** The sweep journals into {@code journal} (open; its owner closes it). */
  public SweepJournal(RunJournal journal) {
    this.journal = journal;
  }

  /** The journal's label for messages. */
  public String label() {
    return journal.target().label();
  }

  /** The journal itself. */
  public RunJournal journal() {
    return journal;
  }

  /**
   * True if run {@code runId} is finished in the journal; then its outputs are in {@code dir}: left
   * as they are when their summary is the journal's, else exported from the journal (every output
   * but perf.json), never simulated again.
   */
  public boolean finished(String runId, Path dir) throws IOException {
    RunState s = journal.state(runId);
    if (s.status() != RunState.Status.FINISHED) {
      return false;
    }
    Path summary = dir.resolve(RunOutputWriter.SUMMARY);
    if (Files.isRegularFile(summary)
        && Files.readString(summary, StandardCharsets.UTF_8).equals(s.summaryJson())) {
      kept++;
      return true;
    }
    Files.createDirectories(dir);
    RunsExportCommand.export(journal, runId, dir);
    kept++;
    return true;
  }

  /** How many runs {@link #finished} found finished so far (not run again). */
  public int finishedBefore() {
    return kept;
  }

  /**
   * The recording of run {@code runId}: give it to the run as a listener and run the run as {@link
   * #journaled}; its recorder (and the run's persistent behavior) starts when the run opens, so a
   * sweep holds one only per run in progress.
   */
  public Recording recording(String runId) {
    return new Recording(this, RunJournal.checkRunId(runId));
  }

  /** One run's journal listener, which forwards to its recorder once the run has opened. */
  public static final class Recording implements SimEventListener {
    private final SweepJournal journal;
    private final String runId;
    private RunRecorder recorder;

    private Recording(SweepJournal journal, String runId) {
      this.journal = journal;
      this.runId = runId;
    }

    @Override
    public void on(SimEvent e) {
      recorder.on(e);
    }
  }

  /**
   * {@code spec} recorded by {@code rec}: its task, once finished, waits until the journal holds
   * the run's end, and records the run as failed when it is closed unfinished.
   */
  public static RunSpec journaled(RunSpec spec, Recording rec) {
    return new RunSpec(
        spec.label(),
        () -> {
          rec.recorder = rec.journal.journal.recorder(rec.runId);
          return new Task(spec.open().call(), rec.recorder);
        });
  }

  /** A run's task that finishes its journal recording with it. */
  private static final class Task implements RunTask {
    private final RunTask run;
    private final RunRecorder recorder;
    private boolean finished;

    Task(RunTask run, RunRecorder recorder) {
      this.run = run;
      this.recorder = recorder;
    }

    @Override
    public boolean advance(long maxEvents) throws Exception {
      return run.advance(maxEvents);
    }

    @Override
    public RunOutcome.Completed finish() throws Exception {
      RunOutcome.Completed done = run.finish();
      recorder.finish(); // the run counts as done only once the journal holds all of it
      finished = true;
      return done;
    }

    @Override
    public void close() throws Exception {
      try {
        run.close();
      } finally {
        if (!finished) {
          recorder.fail("the run stopped before it finished");
        }
      }
    }
  }
}
