package io.gradesim.probes.thesis;

import java.util.Locale;

/**
 * One configuration of the thesis, as its file name spells it: {@code
 * MANAGER-IMAGE-RUNTIME-STORAGE[-rootless]} (e.g. {@code docker-centos-kata-fc-devicemapper},
 * {@code podman-alpine-crun-vfs-rootless}, {@code contingious-alpine-crun-None}).
 *
 * @param name the file name without {@code .json}
 * @param manager docker, podman, lxd or contingious (the thesis' prototype)
 * @param image alpine or centos
 * @param runtime runc, crun, kata-runtime, kata-fc or lxc (may hold a dash)
 * @param storage the storage driver; {@code None} for the prototype, which has none
 * @param rootless true when the name ends in {@code -rootless}
 */
public record ThesisConfiguration(
    String name, String manager, String image, String runtime, String storage, boolean rootless) {

  private static final String ROOTLESS = "-rootless";

  /**
   * Parses a file name (without {@code .json}); the runtime is everything between the image and the
   * last part, so {@code kata-fc} stays whole.
   */
  public static ThesisConfiguration parse(String name) {
    boolean rootless = name.endsWith(ROOTLESS);
    String rest = rootless ? name.substring(0, name.length() - ROOTLESS.length()) : name;
    String[] parts = rest.split("-");
    if (parts.length < 4) {
      throw new IllegalArgumentException(
          "file name '"
              + name
              + "' is not MANAGER-IMAGE-RUNTIME-STORAGE[-rootless] (expected at least four parts)");
    }
    String runtime = String.join("-", java.util.Arrays.copyOfRange(parts, 2, parts.length - 1));
    return new ThesisConfiguration(
        name,
        parts[0].toLowerCase(Locale.ROOT),
        parts[1].toLowerCase(Locale.ROOT),
        runtime,
        parts[parts.length - 1],
        rootless);
  }
}
