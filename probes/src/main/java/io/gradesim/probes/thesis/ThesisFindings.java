package io.gradesim.probes.thesis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

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

  /**
   * Whether {@code subject}'s whole Hello World is the fastest (or, with {@code faster} false, the
   * slowest) of every other configuration measured here whose thesis name {@code others} accepts:
   * "holds" when its interval is disjoint from each of theirs in that direction, "contrary" naming
   * those disjoint the other way, "not shown" naming those that overlap.
   */
  public static String extreme(
      ThesisComparison c, String subject, boolean faster, Predicate<String> others) {
    ThesisComparison.Row row = c.row(subject, "Exec");
    ThesisStatistics f = row.host();
    if (f == null || Double.isNaN(f.low())) {
      return "not measured here" + (row.note().isEmpty() ? "" : ": " + row.note());
    }
    List<ThesisComparison.Row> rest =
        c.rows().stream()
            .filter(r -> r.stage().equals("Exec") && r.host() != null)
            .filter(r -> !Double.isNaN(r.host().low()))
            .filter(r -> !r.mapping().thesis().name().equals(subject))
            .filter(r -> others.test(r.mapping().thesis().name()))
            .sorted(
                Comparator.comparingDouble(
                    (ThesisComparison.Row r) -> faster ? r.host().median() : -r.host().median()))
            .toList();
    if (rest.isEmpty()) {
      return "not shown: nothing to compare with is measured here";
    }
    List<String> contrary = new ArrayList<>();
    List<String> overlap = new ArrayList<>();
    for (ThesisComparison.Row r : rest) {
      ThesisStatistics o = r.host();
      boolean beats = faster ? f.high() < o.low() : f.low() > o.high();
      boolean beaten = faster ? o.high() < f.low() : o.low() > f.high();
      String name = r.mapping().name();
      if (beaten) {
        contrary.add(name);
      } else if (!beats) {
        overlap.add(name);
      }
    }
    ThesisComparison.Row nearest = rest.get(0);
    String figures =
        " (here "
            + ThesisComparison.medianCi(f)
            + " s; the "
            + (faster ? "fastest" : "slowest")
            + " other of "
            + rest.size()
            + ", "
            + nearest.mapping().name()
            + ", "
            + ThesisComparison.medianCi(nearest.host())
            + " s)";
    if (!contrary.isEmpty()) {
      return "contrary: " + names(contrary) + (faster ? " faster" : " slower") + figures;
    }
    if (!overlap.isEmpty()) {
      return "not shown: the intervals overlap with " + names(overlap) + figures;
    }
    return "holds" + figures;
  }

  private static String names(List<String> names) {
    return names.size() <= 3
        ? String.join(", ", names)
        : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
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
              "crun faster than runc under Docker (Alpine, overlay2)",
              "docker-alpine-crun-overlay",
              "docker-alpine-runc-overlay"
            },
            new String[] {
              "crun faster than runc under Podman (overlay)",
              "podman-centos-crun-overlay",
              "podman-centos-runc-overlay"
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
    for (String image : List.of("centos", "alpine")) {
      for (String storage : List.of("overlay", "vfs", "btrfs")) {
        String rootful = "podman-" + image + "-crun-" + storage;
        String rootless = rootful + "-rootless";
        b.append("- rootful faster than rootless under Podman with crun (")
            .append(image.equals("centos") ? "CentOS" : "Alpine")
            .append(", ")
            .append(storage)
            .append("; thesis ")
            .append(ThesisComparison.s(c.row(rootful, "Exec").thesis().fastestMean()))
            .append(" s vs ")
            .append(ThesisComparison.s(c.row(rootless, "Exec").thesis().fastestMean()))
            .append(" s): ")
            .append(verdict(c, rootful, rootless))
            .append(".\n");
      }
    }
    b.append("- the prototype fastest of all (thesis 0.314 s): ")
        .append(extreme(c, "contingious-alpine-crun-None", true, name -> true))
        .append(".\n");
    b.append("- LXD with the small image on dir faster than every Podman configuration (thesis")
        .append(" 0.60-0.67 s; here plain LXC): ")
        .append(extreme(c, "lxd-alpine-lxc-dir", true, name -> name.startsWith("podman-")))
        .append(".\n");
    b.append(
            "- LXD with the large image on dir the slowest of all (thesis 5.21 s; here plain LXC): ")
        .append(extreme(c, "lxd-centos-lxc-dir", false, name -> true))
        .append(".\n");
    return b.toString();
  }
}
