package io.gradesim.probes.run;

import io.gradesim.probes.image.Image;
import io.gradesim.probes.runtime.Runtime;

/**
 * The name results carry, after the seed thesis' scheme {@code MANAGER-IMAGE-RUNTIME-STORAGE}: an
 * engine runtime ({@code docker-R}, {@code podman-R}) with another image than busybox or another
 * storage driver than the engine's default is named e.g. {@code docker-grading-crun-overlay}; other
 * runtimes with another image get the image appended ({@code lxc-minbase}). Busybox on the default
 * storage keeps today's name ({@code docker-crun}), which is the alias of {@code
 * docker-busybox-crun-overlay}. A rootless runtime keeps {@code -rootless} last, as the thesis
 * does: {@code podman-crun-rootless} on vfs with the grading image is {@code
 * podman-grading-crun-vfs-rootless}.
 */
public final class ResultName {
  private static final String ROOTLESS = "-rootless";

  private ResultName() {}

  /**
   * The name of {@code runtime} (its driver's label {@code label}) with {@code image} on {@code
   * storage} (empty for the engine's default).
   */
  public static String of(Runtime runtime, String label, Image image, String storage) {
    String base = runtime.label();
    String rootless = base.endsWith(ROOTLESS) ? ROOTLESS : "";
    String[] parts = base.substring(0, base.length() - rootless.length()).split("-", 2);
    boolean engine = parts.length == 2 && (parts[0].equals("docker") || parts[0].equals("podman"));
    if (image == Image.BUSYBOX && storage.isEmpty()) {
      return label;
    }
    if (engine) {
      String s = storage.isEmpty() ? "overlay" : storage.equals("overlay2") ? "overlay" : storage;
      return parts[0] + "-" + image.label() + "-" + parts[1] + "-" + s + rootless;
    }
    return label + "-" + image.label() + (storage.isEmpty() ? "" : "-" + storage);
  }
}
