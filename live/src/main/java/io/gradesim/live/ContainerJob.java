package io.gradesim.live;

import io.gradesim.probes.jfr.Stage;
import io.gradesim.probes.jfr.StageEvent;
import io.gradesim.probes.runtime.Container;
import io.gradesim.probes.runtime.ContainerSpec;
import io.gradesim.probes.runtime.ExecResult;
import io.gradesim.probes.runtime.RuntimeDriver;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * One submission's container on one agent, blocking: create, start, run the payload (the grading),
 * stop, remove, each timed as a {@link StageEvent} ({@code payload = "live"}, {@code slot} the
 * agent's slot, {@code iteration} the submission's ordinal, {@code concurrency} the agent's slots).
 * The stages are those the probes time and calibration fits. As INGInious' docker agent ({@code
 * agent/docker_agent/__init__.py}), the slot stays held until the container is gone; a container
 * that failed is discarded all the same.
 */
final class ContainerJob {
  /** Where a job reports its progress (called on the job's thread). */
  interface Progress {
    /** The container exists. */
    void created(long t);

    /** The container runs. */
    void started(long t);

    /** Grading ended with {@code result}. */
    void graded(long t, String result);

    /** The container is gone and the slot free. */
    void removed(long t);
  }

  private final RuntimeDriver driver;
  private final String runtime;
  private final LiveClock clock;
  private final int concurrency;

  /** Jobs of {@code driver} (results labelled {@code runtime}) on an agent of that many slots. */
  ContainerJob(RuntimeDriver driver, String runtime, LiveClock clock, int concurrency) {
    this.driver = driver;
    this.runtime = runtime;
    this.clock = clock;
    this.concurrency = concurrency;
  }

  /** The run's time now, in microseconds. */
  long clockMicros() {
    return clock.micros();
  }

  /** Runs submission {@code n}'s container to its removal; never throws. */
  void run(int n, int slot, ContainerSpec spec, List<String> argv, Duration limit, Progress p) {
    Container c = null;
    boolean graded = false;
    try {
      c = timed(Stage.CREATE, n, slot, () -> driver.create(spec));
      p.created(clock.micros());
      Container started = c;
      timed(
          Stage.START,
          n,
          slot,
          () -> {
            driver.start(started);
            return null;
          });
      p.started(clock.micros());
      ExecResult r = timed(Stage.EXEC, n, slot, () -> driver.exec(started, argv, limit));
      graded = true;
      p.graded(clock.micros(), r.timedOut() ? "timeout" : r.ok() ? "success" : "crash");
      timed(
          Stage.STOP,
          n,
          slot,
          () -> {
            driver.stop(started);
            return null;
          });
      timed(
          Stage.REMOVE,
          n,
          slot,
          () -> {
            driver.remove(started);
            return null;
          });
      c = null;
    } catch (IOException | RuntimeException e) {
      // The stage's event holds the runtime's message; the submission ends as a crash.
      if (!graded) {
        p.graded(clock.micros(), "crash");
      }
    } finally {
      if (c != null) {
        driver.discard(c);
      }
      p.removed(clock.micros());
    }
  }

  private interface Op<T> {
    T call() throws IOException;
  }

  private <T> T timed(Stage stage, int n, int slot, Op<T> op) throws IOException {
    StageEvent e = new StageEvent();
    e.begin();
    try {
      T out = op.call();
      e.ok = true;
      return out;
    } catch (IOException | RuntimeException x) {
      e.ok = false;
      e.error = x.getMessage() == null ? x.toString() : x.getMessage();
      throw x;
    } finally {
      e.end();
      e.runtime = runtime;
      e.stage = stage.label();
      e.payload = "live";
      e.concurrency = concurrency;
      e.iteration = n;
      e.slot = slot;
      e.commit();
    }
  }
}
