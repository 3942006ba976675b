package io.gradesim.probes.runtime;

import io.gradesim.probes.image.ImageStore;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * One container runtime on this host. A container goes through create, start, exec (a payload
 * beside the container's long-running init), stop and remove; each implementation documents
 * which real operations each stage performs. Every object a driver makes carries the spec's
 * {@link Label} so that {@link #cleanup} can find it again.
 */
public interface RuntimeDriver {

  /** Whether this runtime can run here, its version, and why not. */
  Availability availability();

  /** The name results carry: the runtime's name, marked when it is emulated (e.g. QEMU TCG). */
  default String resultLabel(String runtimeName) {
    return runtimeName;
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
   * Runs {@code argv} as the container's main process through the whole lifecycle in one
   * operation, the runtime's own "run" when it has one; by default the five stages in a row.
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

  /**
   * Removes every container, image import, mount and cgroup of this runtime whose label the
   * predicate accepts; silently ignores objects already gone. Called at the end of a probe, on
   * error, on interrupt, and at the start of a probe to sweep orphans of a crashed one.
   */
  void cleanup(Predicate<String> labelled);
}
