package io.gradesim.probes.runtime;

import io.gradesim.probes.image.ImageStore;
import java.nio.file.Path;

/**
 * What to create: a labelled name, a private scratch directory, the cached images, the limits.
 *
 * @param name the container's label (also its name in the runtime)
 * @param dir a scratch directory owned by this container (bundle, config, logs)
 * @param images the offline images
 * @param limits the limits to apply
 */
public record ContainerSpec(String name, Path dir, ImageStore images, Limits limits) {}
