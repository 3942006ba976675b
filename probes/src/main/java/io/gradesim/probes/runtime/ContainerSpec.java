package io.gradesim.probes.runtime;

import io.gradesim.probes.image.ImageStore;
import java.nio.file.Path;

/**
 * What to create: a labelled name, a private scratch directory, the cached images, the limits, and
 * where it runs ({@link Placement}: drivers that cannot place a container ignore it; the live pool
 * uses only those that can).
 *
 * @param name the container's label (also its name in the runtime)
 * @param dir a scratch directory owned by this container (bundle, config, logs)
 * @param images the offline images
 * @param limits the limits to apply
 * @param placement the host CPUs it may use and the directories bound into it
 */
public record ContainerSpec(
    String name, Path dir, ImageStore images, Limits limits, Placement placement) {

  /** A spec without placement ({@link Placement#NONE}), as every probe creates. */
  public ContainerSpec(String name, Path dir, ImageStore images, Limits limits) {
    this(name, dir, images, limits, Placement.NONE);
  }
}
