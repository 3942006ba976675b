package io.gradesim.app.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.app.system.GradesimSystem;
import io.gradesim.files.progress.ProgressBar;
import io.gradesim.report.Interval;
import io.gradesim.report.ReplicatedComparison;
import io.gradesim.report.ReportRow;
import io.gradesim.report.Slo;
import io.gradesim.report.Verdict;
import io.gradesim.simulator.output.SummaryKey;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --extra-replications}: a candidate whose interval straddles the limit gets that many more
 * replications (the next seeds of the same sequence), and its verdict, and so the recommendation,
 * stands on all of them; a candidate that clearly meets keeps its R. The limit is set from a first
 * run of the same seeds so that one candidate is borderline by construction.
 */
class ExtraReplicationsTest {
  private static final int R = 3;
  private static final int EXTRA = 4;

  @Test
  void aBorderlineCandidateIsJudgedOnAllItsReplications(@TempDir Path tmp) throws Exception {
    // One submission every 3 s for 10 minutes, about 4.9 s of work each: one agent of one slot
    // falls behind (a long, seed-dependent p95), two keep up.
    StringBuilder csv = new StringBuilder("id,submitted_at,course,task,users\n");
    for (int i = 0; i < 200; i++) {
      csv.append(
          String.format(
              Locale.ROOT,
              "s%d,2024-03-08T09:%02d:%02d.000Z,c,t%d,u%d%n",
              i,
              i * 3 / 60,
              i * 3 % 60,
              i % 3,
              i));
    }
    Path trace = Files.writeString(tmp.resolve("trace.csv"), csv);
    Files.writeString(
        tmp.resolve("base.conf"),
        "agents = 1\ncores = 1\nmemory-mb = 4096\nseed = 7\n"
            + "costs { create = 400ms, start = 900ms, exec = 100ms, remove = 50ms }\n"
            + "grading.default = \"lognormal:median=3s,sigma=0.5\"\n");
    PlanSpace space =
        PlanSpace.read(
            Files.writeString(
                tmp.resolve("space.conf"),
                "base = base.conf\n"
                    + "shapes = [ { name = a, cores = 1, memory-mb = 4096, price-per-hour = 1 } ]\n"
                    + "agents { min = 1, max = 2 }\n"));
    Candidate.Family family = space.families().get(0);
    Candidate one = new Candidate(family, 1);
    Candidate two = new Candidate(family, 2);

    try (GradesimSystem actors = new GradesimSystem()) {
      // The first R replications of both, with the seeds the planner will use (the base's).
      Verdict any = new Verdict(60);
      CandidateRuns first =
          new CandidateRuns(
              actors.get(), trace, null, space, 7, tmp.resolve("first"), any, 0.95, 2);
      Map<String, List<String>> both = new LinkedHashMap<>();
      both.put(one.id(), one.overrides(space.warmPoolEnvironments()));
      both.put(two.id(), two.overrides(space.warmPoolEnvironments()));
      Map<String, ReplicatedComparison.Scenario> seen = first.run(both, 0, R);
      Interval oneP95 = seen.get(one.id()).intervals().get(SummaryKey.FEEDBACK_P95_S);
      Interval twoP95 = seen.get(two.id()).intervals().get(SummaryKey.FEEDBACK_P95_S);
      // The limit at one agent's mean: inside its interval, so it is borderline after R runs;
      // two agents' upper bound lies below it, so they meet.
      double limit = oneP95.mean();
      assertThat(oneP95.lowerOneSided()).as("one agent: %s", oneP95).isLessThan(limit);
      assertThat(oneP95.upperOneSided()).as("one agent: %s", oneP95).isGreaterThan(limit);
      assertThat(twoP95.upperOneSided()).as("two agents: %s", twoP95).isLessThan(limit);
      Verdict verdict = new Verdict(List.of(new Slo(SummaryKey.FEEDBACK_P95_S, limit)));

      Planner.Level level =
          Planner.plan(
                  actors.get(),
                  new Planner.Request(
                      trace,
                      null,
                      space,
                      verdict,
                      List.of(1.0),
                      R,
                      EXTRA,
                      0.95,
                      null,
                      2,
                      tmp.resolve("plan"),
                      quiet(),
                      List.of(),
                      null))
              .get(0);

      PlanSearch.Outcome borderline = level.outcomes().get(one);
      PlanSearch.Outcome clear = level.outcomes().get(two);
      assertThat(borderline.status()).isEqualTo(PlanSearch.Status.EVALUATED);
      assertThat(clear.status()).isEqualTo(PlanSearch.Status.EVALUATED);
      assertThat(borderline.result().intervals().get(SummaryKey.FEEDBACK_P95_S).n())
          .isEqualTo(R + EXTRA);
      assertThat(clear.result().intervals().get(SummaryKey.FEEDBACK_P95_S).n()).isEqualTo(R);
      assertThat(clear.result().standing()).isEqualTo(Interval.Standing.MEETS);

      Path runs = level.runs().resolve(one.id());
      List<ReportRow> all = new ArrayList<>();
      for (int i = 0; i < R + EXTRA; i++) {
        all.add(ReportRow.read(runs.resolve("r" + i)));
      }
      assertThat(runs.resolve("r" + (R + EXTRA))).doesNotExist();
      assertThat(level.runs().resolve(two.id()).resolve("r" + R)).doesNotExist();
      // The first R are the runs seen above (same seeds), the verdict is on all R + EXTRA.
      assertThat(
              Interval.of(
                  all.subList(0, R).stream().mapToDouble(ReportRow::feedbackP95).toArray(), 0.95))
          .isEqualTo(oneP95);
      ReplicatedComparison.Scenario recomputed = ReplicatedComparison.scenario(all, verdict, 0.95);
      assertThat(borderline.result().intervals()).isEqualTo(recomputed.intervals());
      assertThat(borderline.result().standing()).isEqualTo(recomputed.standing());
      assertThat(level.recommended())
          .isEqualTo(recomputed.standing() == Interval.Standing.MEETS ? one : two);
      System.out.printf(
          Locale.ROOT,
          "limit %.3f s; one agent after %d: %s, after %d: %s (%s); two agents: %s%n",
          limit,
          R,
          oneP95.text(),
          R + EXTRA,
          recomputed.intervals().get(SummaryKey.FEEDBACK_P95_S).text(),
          recomputed.standing().label(),
          twoP95.text());
    }
  }

  private static ProgressBar.Factory quiet() {
    return (label, n) ->
        new ProgressBar(new PrintStream(OutputStream.nullOutputStream()), label, n, false);
  }
}
