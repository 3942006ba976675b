package io.gradesim.probes.runtime;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a container runs and what it sees beyond its image: the host CPUs it may use (a cgroup
 * cpuset list such as {@code 0} or {@code 0-1}; empty for all) and host directories bound into it
 * read-only. OCI runtimes write them as {@code linux.resources.cpu.cpus} and bind mounts in {@code
 * config.json} (runtime-spec {@code config-linux.md}), Docker and Podman as {@code --cpuset-cpus}
 * and {@code --volume SRC:DST:ro}.
 *
 * @param cpus cpuset list of host CPUs, or empty for no restriction
 * @param binds host directories bound read-only into the container
 */
public record Placement(String cpus, List<Bind> binds) {
  /** No cpuset, nothing bound: the setting the probes time. */
  public static final Placement NONE = new Placement("", List.of());

  /** Checks the cpuset list's characters and copies the binds. */
  public Placement {
    if (!cpus.matches("[0-9,-]*")) {
      throw new IllegalArgumentException("not a cpuset list: '" + cpus + "'");
    }
    binds = List.copyOf(binds);
  }

  /**
   * A host directory seen read-only inside the container.
   *
   * @param source the host directory (absolute)
   * @param target where it appears in the container (an existing directory of the image)
   */
  public record Bind(Path source, String target) {}
}
