package io.gradesim.probes.thesis;

import java.util.List;

/** Whether the thesis' Hello World findings hold on this host, judged by the medians' intervals. */
public final class ThesisFindings {
  private ThesisFindings() {}

  /**
   * Whether {@code faster}'s whole Hello World is shorter than {@code slower}'s here: "holds" when
   * the 95 % intervals of the medians are disjoint in the thesis' direction, "contrary" when
   * disjoint the other way, "not shown" when they overlap; "not measured here" without figures.
   */
  public static String verdict(ThesisComparison c, String faster, String slower) {
    ThesisStatistics f = c.row(faster, "Exec").host();
    ThesisStatistics s = c.row(slower, "Exec").host();
    if (f == null || s == null || Double.isNaN(f.low()) || Double.isNaN(s.low())) {
      return "not measured here";
    }
    String figures =
        " (here " + ThesisComparison.medianCi(f) + " s vs " + ThesisComparison.medianCi(s) + " s)";
    if (f.high() < s.low()) {
      return "holds" + figures;
    }
    if (s.high() < f.low()) {
      return "contrary" + figures;
    }
    return "not shown: the intervals overlap" + figures;
  }

  /** The findings as Markdown list items. */
  public static String markdown(ThesisComparison c) {
    StringBuilder b = new StringBuilder();
    for (String[] f :
        List.of(
            new String[] {
              "crun faster than runc under Docker (thesis, CentOS, overlay2: 1.037 s -> 0.524 s)",
              "docker-centos-crun-overlay",
              "docker-centos-runc-overlay"
            },
            new String[] {
              "crun faster than runc under Podman (overlay)",
              "podman-centos-crun-overlay",
              "podman-centos-runc-overlay"
            },
            new String[] {
              "LXD (dir) faster than Podman (thesis, Alpine: 0.60-0.67 s); here plain LXC",
              "lxd-alpine-lxc-dir",
              "podman-alpine-crun-overlay"
            })) {
      b.append("- ").append(f[0]).append(": ").append(verdict(c, f[1], f[2])).append(".\n");
    }
    for (String[] f :
        List.of(
            new String[] {
              "overlay faster than vfs under Docker (thesis, CentOS, crun: 0.530 s vs 2.078 s)",
              "docker-centos-crun-overlay",
              "docker-centos-crun-vfs"
            },
            new String[] {
              "overlay faster than vfs under Docker with runc (thesis, CentOS: 1.041 s vs 2.611 s)",
              "docker-centos-runc-overlay",
              "docker-centos-runc-vfs"
            },
            new String[] {
              "overlay faster than vfs under Podman (CentOS, crun)",
              "podman-centos-crun-overlay",
              "podman-centos-crun-vfs"
            },
            new String[] {
              "overlay faster than btrfs under Docker (CentOS, crun)",
              "docker-centos-crun-overlay",
              "docker-centos-crun-btrfs"
            })) {
      b.append("- ").append(f[0]).append(": ").append(verdict(c, f[1], f[2])).append(".\n");
    }
    b.append("- rootless slower than rootful: not measured here: ")
        .append(c.row("podman-centos-crun-overlay-rootless", "Exec").note())
        .append(".\n");
    b.append("- the prototype fastest (0.314 s): not measured here: ")
        .append(c.row("contingious-alpine-crun-None", "Exec").note())
        .append(".\n");
    b.append("- LXD with CentOS on dir the slowest (5.21 s): not shown: today's lxc driver uses")
        .append(" busybox for both images, so image size cannot show.\n");
    return b.toString();
  }
}
