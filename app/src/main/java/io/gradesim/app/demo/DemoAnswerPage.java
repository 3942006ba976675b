package io.gradesim.app.demo;

import io.gradesim.app.plan.PlanPage;
import io.gradesim.app.plan.Planner;
import io.gradesim.report.ReplicatedComparison.Scenario;
import io.gradesim.report.Verdict;
import io.gradesim.simulator.output.SummaryKey;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * answer.html: the demo's answer on one self-contained page (inline CSS and SVG, no script). Per
 * load level, in a {@code <section id="load-Kx">}: today's pool against the service level, the
 * cheapest bundled plan meeting it and the planner's recommendation; the planner's cost against
 * feedback p95 front ({@link PlanPage#front}: every evaluated candidate, the Pareto front, the
 * recommendation); and the bundled vertical and horizontal plans side by side with their feedback
 * p95 intervals and the gain of one over the other, or "equal" and why ({@link
 * DemoAnswer#verticalAgainstHorizontal}).
 */
final class DemoAnswerPage {
  /** The page's file name in the demo's folder. */
  static final String HTML = "answer.html";

  private DemoAnswerPage() {}

  /**
   * The page of {@code answers} (from the bundled plans' comparisons) and {@code levels} (the
   * planner's), one of each per load level in the same order.
   */
  static String render(
      List<DemoAnswer> answers, List<Planner.Level> levels, Verdict verdict, int replications) {
    if (answers.size() != levels.size()) {
      throw new IllegalArgumentException(
          answers.size() + " answers for " + levels.size() + " planned load levels");
    }
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>gradesim demo: the answer</title><style>body{font-family:sans-serif;")
        .append("max-width:60em;margin:2em auto}table{border-collapse:collapse}")
        .append("td,th{border:1px solid #ccc;padding:2px 8px}td.n{text-align:right}")
        .append("figcaption{color:#444;font-size:90%}</style></head><body>\n")
        .append("<h1>The answer at ")
        .append(PlanPage.esc(String.join(", ", answers.stream().map(DemoAnswer::load).toList())))
        .append(" load</h1>\n<p>")
        .append(
            PlanPage.esc(
                String.format(
                    Locale.ROOT,
                    "Service level: %s, met when its one-sided 95 %% upper bound over %d"
                        + " replications (independent seeds) is within it. Per load: the bundled"
                        + " plans compared (compare --replications %d), and the planner's search"
                        + " of a wider space (gradesim plan, plan/plan.html).",
                    String.join(" and ", verdict.slos().stream().map(Object::toString).toList()),
                    replications,
                    replications)))
        .append("</p>\n");
    for (int i = 0; i < answers.size(); i++) {
      section(h, answers.get(i), levels.get(i), verdict);
    }
    return h.append("</body></html>\n").toString();
  }

  private static void section(StringBuilder h, DemoAnswer a, Planner.Level l, Verdict verdict) {
    h.append("<section id=\"load-")
        .append(PlanPage.esc(a.load()))
        .append("\">\n<h2>Load ")
        .append(PlanPage.esc(a.load()))
        .append("</h2>\n<ul>\n");
    item(h, "Today's pool (" + DemoAnswer.TODAY + "): " + a.today());
    item(h, "Cheapest bundled plan meeting it: " + a.recommendation());
    item(h, "The planner's recommendation: " + planned(l));
    h.append("</ul>\n<figure>")
        .append(PlanPage.front(l, verdict))
        .append("<figcaption>The planner at ")
        .append(PlanPage.esc(a.load()))
        .append(": cost against mean feedback p95 of each of the ")
        .append(l.evaluated())
        .append(" candidates it ran of ")
        .append(l.outcomes().size())
        .append(" (grey), the Pareto front in blue (joined: no other candidate is both cheaper")
        .append(" and faster), today's pool as a black square, the recommended plan as a red")
        .append(" ring; the dashed line is the feedback p95 objective.</figcaption></figure>\n")
        .append("<h3>Vertical against horizontal</h3>\n<table>\n<tr><th>plan</th>")
        .append("<th>agents x slots</th><th>cost</th><th>feedback p95 mean [95 % CI] (s)</th>")
        .append("<th>verdict</th></tr>\n");
    for (String name : List.of(DemoAnswer.VERTICAL, DemoAnswer.HORIZONTAL)) {
      row(h, name, a.plan(name));
    }
    h.append("</table>\n<p class=\"gain\">")
        .append(PlanPage.esc(capitalised(a.verticalAgainstHorizontal())))
        .append(".</p>\n</section>\n");
  }

  private static String planned(Planner.Level l) {
    String searched =
        String.format(
            Locale.ROOT, "; %d of %d candidates evaluated", l.evaluated(), l.outcomes().size());
    Scenario s = l.recommendation();
    if (s == null) {
      return "no candidate of the space meets it" + searched;
    }
    return String.format(
        Locale.ROOT,
        "%s (cost %.2f, feedback p95 %s s)%s",
        l.recommended().id(),
        s.mean().cost(),
        s.intervals().get(SummaryKey.FEEDBACK_P95_S).text(),
        searched);
  }

  private static void row(StringBuilder h, String name, Optional<Scenario> plan) {
    h.append("<tr><td>").append(PlanPage.esc(name)).append("</td>");
    if (plan.isEmpty()) {
      h.append("<td colspan=\"4\">not compared</td></tr>\n");
      return;
    }
    Scenario s = plan.get();
    h.append(
            String.format(
                Locale.ROOT,
                "<td class=\"n\">%.0f x %.0f</td><td class=\"n\">%.2f</td>",
                s.mean().agents(),
                s.mean().slotsPerAgent(),
                s.mean().cost()))
        .append("<td class=\"n\">")
        .append(PlanPage.esc(s.intervals().get(SummaryKey.FEEDBACK_P95_S).text()))
        .append("</td><td>")
        .append(PlanPage.esc(s.standing().label()))
        .append("</td></tr>\n");
  }

  private static void item(StringBuilder h, String text) {
    h.append("<li>").append(PlanPage.esc(text)).append("</li>\n");
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
