package io.gradesim.probes.thesis;

import io.gradesim.probes.runtime.Runtime;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per thesis configuration and Hello World stage: the thesis' figures beside this host's (from a
 * probe of the mapped runtime), their ratio, or why this host has no figure.
 *
 * @param rows one per configuration and stage, configurations by file name
 */
public record ThesisComparison(List<Row> rows) {

  /**
   * One configuration and stage.
   *
   * @param mapping the configuration on this host
   * @param stage the cumulative stage (Create, Start, Exec)
   * @param thesis the thesis' statistics of that stage
   * @param host this host's, null when not measured
   * @param load1 mean load average of this host's samples; NaN when not measured
   */
  public record Row(
      HostMapping mapping,
      String stage,
      ThesisStatistics thesis,
      ThesisStatistics host,
      double load1) {

    /** This host's median over the thesis' median (the same statistic on both sides); or NaN. */
    public double ratio() {
      return host == null ? Double.NaN : host.median() / thesis.median();
    }

    /** Why this host has no figure, or what differs when it has one. */
    public String note() {
      HostMapping m = mapping;
      if (host != null) {
        return m.differs();
      }
      if (!m.reachable()) {
        return "cannot run on this host: " + m.host().reason();
      }
      if (!m.host().available()) {
        return "runnable here once installed: " + m.host().reason();
      }
      if (m.today().isEmpty()) {
        return "runnable here, not measured: " + m.notToday();
      }
      return "not in the probe results: probe --runtime " + m.today().get().label();
    }
  }

  /** Compares the thesis' Hello World with {@code results} on a host with {@code features}. */
  public static ThesisComparison of(
      List<ThesisRun> thesis, HostResults results, HostFeatures features) {
    List<Row> rows = new ArrayList<>();
    for (ThesisRun run : thesis) {
      HostMapping m = HostMapping.of(run.configuration(), features);
      ThesisTest hello = run.test(ThesisTest.HELLO_WORLD);
      // A probe with the mapped image and storage is named like the configuration (plain LXC as
      // lxc-IMAGE); without one, today's alias measured with busybox stands in.
      String exact = exactLabel(m);
      String chosen = null;
      if (results.byRuntime().containsKey(exact)) {
        chosen = exact;
        String differs =
            switch (m.thesis().manager()) {
              case "lxd" -> "manager: plain LXC (lxc-create -t local, dir backing store), not LXD";
              case "contingious" ->
                  "gradesim's prototype driver: crun makes the user namespace itself (the thesis"
                      + " kept one open with rootlesskit)";
              default -> "";
            };
        m =
            new HostMapping(
                m.thesis(), m.name(), m.host(), m.reachable(), m.today(), differs, m.notToday());
      } else if (m.today().isPresent()) {
        chosen = m.today().get().label();
      }
      for (String stage : HostResults.LEGEND) {
        ThesisStatistics host = null;
        double load = Double.NaN;
        if (chosen != null) {
          String label = chosen;
          var series = results.byRuntime().get(label);
          if (series != null && series.get(stage).length > 0) {
            host = ThesisStatistics.of(series.get(stage));
            load = results.load1().get(label);
          }
        }
        rows.add(new Row(m, stage, hello.stage(stage).statistics(), host, load));
      }
    }
    return new ThesisComparison(List.copyOf(rows));
  }

  /** The probe result name measuring {@code m} with its mapped image and storage. */
  static String exactLabel(HostMapping m) {
    if (m.thesis().manager().equals("contingious")) {
      return Runtime.PROTOTYPE.label() + "-" + HostMapping.image(m.thesis().image());
    }
    if (m.thesis().manager().equals("lxd")) {
      return m.thesis().storage().equals("dir")
          ? "lxc-" + HostMapping.image(m.thesis().image())
          : "(no plain-LXC driver for " + m.thesis().storage() + ")";
    }
    return m.name();
  }

  /** How many configurations have a host figure. */
  public long measured() {
    return rows.stream()
        .filter(r -> r.host() != null)
        .map(r -> r.mapping().name())
        .distinct()
        .count();
  }

  /** Prints the whole-test (Exec) row of every configuration, or every stage with {@code all}. */
  public void print(PrintWriter out, boolean all) {
    out.printf(
        "%-38s %-6s %10s %24s %24s %7s  %s%n",
        "configuration",
        "stage",
        "thesis s",
        "thesis median [95% CI]",
        "here median [95% CI]",
        "ratio",
        "gradesim name / note");
    for (Row r : rows) {
      if (!all && !r.stage().equals("Exec")) {
        continue;
      }
      out.printf(
          "%-38s %-6s %10s %24s %24s %7s  %s%s%n",
          r.mapping().thesis().name(),
          r.stage(),
          s(r.thesis().fastestMean()),
          medianCi(r.thesis()),
          r.host() == null ? "-" : medianCi(r.host()),
          r.host() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.ratio()),
          r.mapping().name() + r.mapping().today().map(t -> " (" + t.label() + ")").orElse(""),
          r.note().isEmpty() ? "" : ": " + r.note());
    }
    out.printf(
        "%d of %d configurations measured here; %d could run on this host as they are, %d with"
            + " the named Debian packages installed%n",
        measured(),
        rows.stream().map(r -> r.mapping().name()).distinct().count(),
        rows.stream()
            .filter(r -> r.mapping().host().available())
            .map(r -> r.mapping().name())
            .distinct()
            .count(),
        rows.stream()
            .filter(r -> r.mapping().reachable())
            .map(r -> r.mapping().name())
            .distinct()
            .count());
  }

  /** The comparison as Markdown: one table row per configuration, stages side by side. */
  public String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("| thesis file | gradesim name (today's runtime) | thesis create / start / exec s |")
        .append(" thesis exec median [95 % CI] | here create / start / exec median s |")
        .append(" here exec median [95 % CI] | ratio | note |\n");
    b.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (int i = 0; i < rows.size(); i += 3) {
      Row c = rows.get(i);
      Row st = rows.get(i + 1);
      Row e = rows.get(i + 2);
      HostMapping m = e.mapping();
      b.append("| ")
          .append(m.thesis().name())
          .append(" | ")
          .append(m.name())
          .append(m.today().map(t -> " (" + t.label() + ")").orElse(""))
          .append(" | ")
          .append(s(c.thesis().fastestMean()))
          .append(" / ")
          .append(s(st.thesis().fastestMean()))
          .append(" / ")
          .append(s(e.thesis().fastestMean()))
          .append(" | ")
          .append(medianCi(e.thesis()))
          .append(" | ");
      if (e.host() == null) {
        b.append("- | - | - | ");
      } else {
        b.append(s(c.host().median()))
            .append(" / ")
            .append(s(st.host().median()))
            .append(" / ")
            .append(s(e.host().median()))
            .append(" | ")
            .append(medianCi(e.host()))
            .append(" (n = ")
            .append(e.host().n())
            .append(String.format(Locale.ROOT, ", load %.1f", e.load1()))
            .append(") | ")
            .append(String.format(Locale.ROOT, "%.2f", e.ratio()))
            .append(" | ");
      }
      b.append(e.note().replace("|", "/")).append(" |\n");
    }
    return b.toString();
  }

  /** The row of {@code configuration}'s {@code stage}, or an IllegalArgumentException. */
  public Row row(String configuration, String stage) {
    return rows.stream()
        .filter(r -> r.mapping().thesis().name().equals(configuration) && r.stage().equals(stage))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no row " + configuration + " " + stage));
  }

  static String s(double seconds) {
    return Double.isNaN(seconds) ? "-" : String.format(Locale.ROOT, "%.3f", seconds);
  }

  static String medianCi(ThesisStatistics t) {
    if (Double.isNaN(t.low())) {
      return s(t.median());
    }
    return s(t.median()) + " [" + s(t.low()) + ", " + s(t.high()) + "]";
  }
}
