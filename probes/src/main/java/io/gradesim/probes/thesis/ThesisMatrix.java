package io.gradesim.probes.thesis;

import io.gradesim.probes.image.Image;
import io.gradesim.probes.run.ResultName;
import io.gradesim.probes.runtime.Runtime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The thesis' configurations as probes of this host ({@code probe --matrix thesis}): per
 * configuration the driver, image and storage that measure its Hello World, after {@link
 * HostMapping} (images mapped, Alpine to minbase and CentOS to grading; LXD on dir through plain
 * LXC; the prototype through {@link Runtime#PROTOTYPE}), or why none does.
 */
public final class ThesisMatrix {
  private ThesisMatrix() {}

  /**
   * The configurations whose HTTP, database and IO tests the matrix measures by default: Docker
   * with crun and with runc on overlay, Podman with crun rootful and rootless, the prototype.
   */
  public static final List<String> WORKLOAD_FEW =
      List.of(
          "docker-centos-crun-overlay",
          "docker-centos-runc-overlay",
          "podman-centos-crun-overlay",
          "podman-centos-crun-overlay-rootless",
          "contingious-alpine-crun-None");

  /**
   * One configuration to probe.
   *
   * @param thesis the thesis' file name
   * @param name the result name the probe gives it (its folder in the matrix output)
   * @param runtime the driver
   * @param image the image
   * @param storage the storage driver for docker and podman; empty for the others
   */
  public record Target(String thesis, String name, Runtime runtime, Image image, String storage) {}

  /** The probe measuring {@code c}, with {@code image} instead of the mapped one when present. */
  public static Optional<Target> target(ThesisConfiguration c, Optional<Image> image) {
    Image chosen = image.orElse(Image.of(HostMapping.image(c.image())));
    Runtime runtime;
    String storage = "";
    switch (c.manager()) {
      case "docker", "podman" -> {
        if (!c.runtime().equals("crun") && !c.runtime().equals("runc")) {
          return Optional.empty();
        }
        if (c.rootless() && !c.runtime().equals("crun")) {
          return Optional.empty();
        }
        runtime =
            c.rootless()
                ? Runtime.PODMAN_CRUN_ROOTLESS
                : Runtime.of(c.manager() + "-" + c.runtime());
        storage = c.storage();
      }
      case "lxd" -> {
        if (!c.storage().equals("dir")) {
          return Optional.empty();
        }
        runtime = Runtime.LXC;
      }
      case "contingious" -> runtime = Runtime.PROTOTYPE;
      default -> {
        return Optional.empty();
      }
    }
    String name = ResultName.of(runtime, runtime.label(), chosen, storage);
    return Optional.of(new Target(c.name(), name, runtime, chosen, storage));
  }

  /** Why no probe measures {@code c} here (for a configuration {@link #target} has none for). */
  public static String noTarget(ThesisConfiguration c) {
    if (c.runtime().startsWith("kata")) {
      return "no Kata driver (Kata needs KVM and has no Debian 12 package)";
    }
    if (c.manager().equals("lxd")) {
      return "no LXD driver; plain LXC has only the dir backing store";
    }
    return "no driver for " + c.manager() + " with " + c.runtime();
  }

  /**
   * The configurations of {@code runs} to consider, in file order, or in the order {@code only}
   * names them (thesis file names or gradesim names); an unknown name is an
   * IllegalArgumentException listing none of the 73 but saying where they are.
   */
  public static List<ThesisConfiguration> select(List<ThesisRun> runs, List<String> only) {
    Map<String, ThesisConfiguration> byName = new LinkedHashMap<>();
    for (ThesisRun r : runs) {
      byName.put(r.configuration().name(), r.configuration());
      byName.putIfAbsent(HostMapping.name(r.configuration()), r.configuration());
    }
    if (only.isEmpty()) {
      return runs.stream().map(ThesisRun::configuration).toList();
    }
    List<ThesisConfiguration> out = new ArrayList<>();
    for (String n : only) {
      ThesisConfiguration c = byName.get(n);
      if (c == null) {
        throw new IllegalArgumentException(
            "--only: unknown configuration '"
                + n
                + "' (the thesis' file names, e.g. docker-centos-runc-overlay, or gradesim's,"
                + " e.g. docker-grading-runc-overlay: see gradesim probe thesis)");
      }
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }
}
