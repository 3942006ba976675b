package io.gradesim.probes.cleanup;

import io.gradesim.probes.runtime.Label;
import io.gradesim.probes.runtime.Runtime;
import io.gradesim.probes.runtime.RuntimeDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Owns the cleanup of one probe. Drivers in use are tracked; a shutdown hook (SIGINT, SIGTERM,
 * normal exit) first stops new work, waits for lifecycles in flight to finish their current
 * operation, then removes everything labelled with this JVM's pid.
 */
public final class Janitor implements AutoCloseable {
  private static final long DRAIN_NANOS = 20_000_000_000L;

  /** What an interrupted probe says, once, whichever thread notices first. */
  public static final String INTERRUPTED =
      "gradesim: probe interrupted: removing its containers"
          + " and scratch files; no results written";

  private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();

  private final List<RuntimeDriver> drivers = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Thread hook = new Thread(this::onShutdown, "gradesim-probe-cleanup");
  private volatile boolean closing;
  private volatile boolean hookRunning;
  private Path scratch;

  /** A janitor with its shutdown hook installed. */
  public static Janitor install() {
    Janitor j = new Janitor();
    java.lang.Runtime.getRuntime().addShutdownHook(j.hook);
    return j;
  }

  /**
   * Removes what crashed probes (labels whose pid is dead) left, through every runtime installed
   * here, whatever this probe measures: a docker image left by a killed probe goes at the next
   * probe of anything, not at the next docker probe.
   */
  public static void sweepOrphans() {
    sweepOrphans(Arrays.stream(Runtime.values()).map(Runtime::driver).toList());
  }

  /** Removes what crashed probes left, through these drivers (one per cleanup scope). */
  public static void sweepOrphans(List<RuntimeDriver> drivers) {
    Map<String, RuntimeDriver> byScope = new LinkedHashMap<>();
    drivers.forEach(d -> byScope.putIfAbsent(d.cleanupScope(), d));
    sweep(List.copyOf(byScope.values()), Label::isOrphan);
  }

  /** Tracks a driver whose objects must be cleaned up. */
  public void track(RuntimeDriver driver) {
    drivers.add(driver);
  }

  /** This probe's scratch folder (labelled), created on first use. */
  public synchronized Path scratch() throws IOException {
    if (scratch == null) {
      scratch = Files.createTempDirectory(Label.own() + "work");
    }
    return scratch;
  }

  /** Whether the probe is shutting down: lifecycles must not start another operation. */
  public boolean closing() {
    return closing;
  }

  /** Marks a lifecycle in flight; false when shutting down (then do not start it). */
  public boolean enter() {
    inFlight.incrementAndGet();
    if (closing) {
      inFlight.decrementAndGet();
      return false;
    }
    return true;
  }

  /** Marks a lifecycle finished. */
  public void exit() {
    inFlight.decrementAndGet();
  }

  /**
   * Removes what this probe labelled so far and forgets the drivers tracked until now, keeping the
   * hook for what comes next: between the configurations of a matrix, so that each leaves nothing
   * behind before the next starts. The scratch folder goes too and is made again when needed.
   */
  public void release() {
    List<RuntimeDriver> done = List.copyOf(drivers);
    synchronized (this) {
      scratch = null;
    }
    sweep(done, Label::isOwn);
    drivers.removeAll(done);
  }

  /** Removes everything this probe labelled; the hook is no longer needed afterwards. */
  @Override
  public void close() {
    closing = true;
    if (hookRunning) {
      // The JVM is shutting down and the hook sweeps; a second sweep from this thread would be
      // cut off by the halt and leave its own temporary files behind.
      return;
    }
    sweep(drivers, Label::isOwn);
    try {
      java.lang.Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: it will sweep again, harmlessly
    }
  }

  /**
   * True the first time it is called: the interruption is announced by the shutdown hook or by the
   * command, whichever comes first (the JVM may halt before the command's thread sees it).
   */
  public static boolean announceInterrupt() {
    return ANNOUNCED.compareAndSet(false, true);
  }

  private void onShutdown() {
    hookRunning = true;
    closing = true;
    if (announceInterrupt()) {
      // The progress bar's line is still open (it ends in a carriage return): end it first.
      System.err.println();
      System.err.println(INTERRUPTED);
      System.err.flush();
    }
    long deadline = System.nanoTime() + DRAIN_NANOS;
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(10_000_000);
    }
    sweep(drivers, Label::isOwn);
  }

  private static void sweep(List<RuntimeDriver> drivers, Predicate<String> labelled) {
    for (RuntimeDriver d : drivers) {
      try {
        d.cleanup(labelled);
      } catch (RuntimeException e) {
        System.err.println(
            "gradesim: cleanup of " + d.getClass().getSimpleName() + " failed: " + e.getMessage());
      }
    }
    HostSweep.sweep(labelled);
  }
}
