package io.gradesim.probes.runtime;

import io.gradesim.probes.image.ImageStore;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One container runtime on this host. A container goes through create, start, exec (a payload
 * beside the container's long-running init), stop and remove; each implementation documents which
 * real operations each stage performs. Every object a driver makes carries the spec's {@link Label}
 * so that {@link #cleanup} can find it again.
 */
public interface RuntimeDriver {

  /** Whether this runtime can run here, its version, and why not. */
  Availability availability();

  /** The name results carry: the runtime's name, marked when it is emulated (e.g. QEMU TCG). */
  default String resultLabel(String runtimeName) {
    return runtimeName;
  }

  /** The limits this driver can ask of its runtime (all of them unless it says otherwise). */
  default Set<Capability> capabilities() {
    return EnumSet.allOf(Capability.class);
  }

  /** Prepares what every container of this driver shares (e.g. imports the image), once. */
  default void prepare(ImageStore images) throws IOException {}

  /** Creates a container that is not yet running. */
  Container create(ContainerSpec spec) throws IOException;

  /** Starts the container's long-running init ({@link Container#INIT}). */
  void start(Container c) throws IOException;

  /** Runs {@code argv} inside the started container and waits for it. */
  ExecResult exec(Container c, List<String> argv, Duration timeout) throws IOException;

  /** Stops the container (kills its processes) and waits until it has stopped. */
  void stop(Container c) throws IOException;

  /** Removes the stopped container and everything the runtime kept for it. */
  void remove(Container c) throws IOException;

  /**
   * Runs {@code argv} as the container's main process through the whole lifecycle in one operation,
   * the runtime's own "run" when it has one; by default the five stages in a row.
   */
  default ExecResult run(ContainerSpec spec, List<String> argv, Duration timeout)
      throws IOException {
    Container c = create(spec);
    try {
      start(c);
      ExecResult r = exec(c, argv, timeout);
      stop(c);
      return r;
    } finally {
      remove(c);
    }
  }

  /** Tears down a container in whatever state a failure left it, ignoring further errors. */
  default void discard(Container c) {
    try {
      stop(c);
    } catch (IOException | RuntimeException ignored) {
      // it may not have started, or may already be stopped
    }
    try {
      remove(c);
    } catch (IOException | RuntimeException ignored) {
      // the sweep below and the host sweep at the end catch what is left
    }
    cleanup(c.name()::equals);
  }

  /**
   * Removes every container, image import, mount and cgroup of this runtime whose label the
   * predicate accepts; silently ignores objects already gone. Called at the end of a probe, on
   * error, on interrupt, and at the start of a probe to sweep orphans of a crashed one.
   */
  void cleanup(Predicate<String> labelled);

  /**
   * What {@link #cleanup} searches: drivers with the same scope (e.g. docker with runc and with
   * crun, which share one engine) find the same objects, so a sweep asks only one of them.
   */
  default String cleanupScope() {
    return getClass().getName();
  }
}
