package io.gradesim.app.plan;

import io.gradesim.report.Interval;
import io.gradesim.report.ReplicatedComparison;
import io.gradesim.report.Slo;
import io.gradesim.report.Verdict;
import io.gradesim.simulator.output.SummaryKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The planner's text outputs: the terminal table of each load level (the recommended plan, its cost
 * and objectives with intervals, today's pool, the best plan of each lever family and its gain over
 * today) and {@code plan.csv} (one row per candidate per load level).
 */
final class PlanTable {
  private PlanTable() {}

  /** The terminal table of every level. */
  static String text(PlanSpace space, List<Planner.Level> levels, Verdict verdict, double conf) {
    StringBuilder out = new StringBuilder();
    for (Planner.Level l : levels) {
      out.append(
          String.format(
              Locale.ROOT,
              "load %s: %d of %d candidates evaluated (%.0f %%), %s%n",
              l.label(),
              l.evaluated(),
              l.outcomes().size(),
              100.0 * l.evaluated() / l.outcomes().size(),
              l.todayMeets()
                  ? "today's pool meets the SLO"
                  : "today's pool does not meet the SLO"));
      List<List<String>> rows = new ArrayList<>();
      rows.add(header(verdict, conf));
      rows.add(row("today", "today's pool", l.today(), verdict, "-"));
      if (l.recommended() != null) {
        rows.add(
            row(
                "RECOMMENDED",
                l.recommended().id(),
                l.recommendation(),
                verdict,
                LeverFamilies.gain(l.today(), l.recommendation())));
      }
      for (Map.Entry<String, Optional<Candidate>> f : LeverFamilies.best(space, l).entrySet()) {
        if (f.getValue().isPresent()) {
          ReplicatedComparison.Scenario s = l.outcomes().get(f.getValue().get()).result();
          rows.add(
              row(
                  f.getKey(),
                  f.getValue().get().id(),
                  s,
                  verdict,
                  LeverFamilies.gain(l.today(), s)));
        } else {
          List<String> none = new ArrayList<>(List.of(f.getKey(), "(none evaluated meets)"));
          while (none.size() < rows.get(0).size()) {
            none.add("-");
          }
          rows.add(none);
        }
      }
      render(out, rows);
      if (l.recommended() == null) {
        out.append("no candidate meets the SLO at this load: widen the space\n");
      }
      out.append('\n');
    }
    out.append(verdict.rule().replace("a scenario", "a plan"))
        .append(
            String.format(
                Locale.ROOT,
                " A plan meets when the one-sided %.0f %% upper bound of every objective is"
                    + " within it.%n",
                conf * 100));
    return out.toString();
  }

  private static List<String> header(Verdict verdict, double conf) {
    List<String> h = new ArrayList<>(List.of("", "plan", "cost"));
    for (Slo s : verdict.slos()) {
      h.add(s.name() + " mean [" + Math.round(conf * 100) + " % CI]");
    }
    h.add("verdict");
    h.add("gain over today");
    return h;
  }

  private static List<String> row(
      String what, String plan, ReplicatedComparison.Scenario s, Verdict v, String gain) {
    List<String> r =
        new ArrayList<>(List.of(what, plan, String.format(Locale.ROOT, "%.2f", s.mean().cost())));
    for (Slo o : v.slos()) {
      r.add(s.intervals().get(o.metric()).text());
    }
    r.add(s.standing().label());
    r.add(gain);
    return r;
  }

  private static void render(StringBuilder out, List<List<String>> rows) {
    int[] w = new int[rows.get(0).size()];
    for (List<String> r : rows) {
      for (int c = 0; c < w.length; c++) {
        w[c] = Math.max(w[c], r.get(c).length());
      }
    }
    for (List<String> r : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < w.length; c++) {
        line.append(String.format(Locale.ROOT, "%-" + w[c] + "s", r.get(c)));
        line.append(c + 1 < w.length ? "  " : "");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  /** plan.csv: one row per candidate per level (today's pool first), fixed formats, "\n" ends. */
  static String csv(List<Planner.Level> levels, Verdict verdict) {
    List<SummaryKey> keys = new ArrayList<>(List.of(SummaryKey.FEEDBACK_P95_S));
    verdict
        .slos()
        .forEach(
            s -> {
              if (!keys.contains(s.metric())) {
                keys.add(s.metric());
              }
            });
    StringBuilder out =
        new StringBuilder(
            "load,candidate,shape,cores,memory_mb,agents,slots_per_core,runtime,warm_pool,"
                + "autoscale,status,replications,cost");
    for (SummaryKey k : keys) {
      out.append(',')
          .append(k.key())
          .append("_mean,")
          .append(k.key())
          .append("_lower,")
          .append(k.key())
          .append("_upper,")
          .append(k.key())
          .append("_upper_one_sided");
    }
    out.append(",verdict,recommended\n");
    for (Planner.Level l : levels) {
      line(out, l.label(), Planner.TODAY, null, "evaluated", l.today(), keys, false);
      for (var e : l.outcomes().entrySet()) {
        line(
            out,
            l.label(),
            e.getKey().id(),
            e.getKey(),
            e.getValue().status().name().toLowerCase(Locale.ROOT),
            e.getValue().result(),
            keys,
            e.getKey().equals(l.recommended()));
      }
    }
    return out.toString();
  }

  private static void line(
      StringBuilder out,
      String load,
      String id,
      Candidate c,
      String status,
      ReplicatedComparison.Scenario s,
      List<SummaryKey> keys,
      boolean recommended) {
    out.append(load).append(',').append(id);
    if (c == null) {
      out.append(",,,,,,,,");
    } else {
      for (String v : c.levers().values()) {
        out.append(',').append(v);
      }
    }
    out.append(',').append(status);
    if (s == null) {
      out.append(",,");
      out.append(",,,,".repeat(keys.size()));
      out.append(",-,no\n");
      return;
    }
    Interval first = s.intervals().get(SummaryKey.FEEDBACK_P95_S);
    out.append(',').append(first.n()).append(',').append(fixed(s.mean().cost(), 4));
    for (SummaryKey k : keys) {
      Interval i = s.intervals().get(k);
      out.append(',')
          .append(fixed(i.mean(), 3))
          .append(',')
          .append(fixed(i.lower(), 3))
          .append(',')
          .append(fixed(i.upper(), 3))
          .append(',')
          .append(fixed(i.upperOneSided(), 3));
    }
    out.append(',').append(s.standing().label()).append(',').append(recommended ? "yes" : "no");
    out.append('\n');
  }

  static String fixed(double v, int decimals) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
