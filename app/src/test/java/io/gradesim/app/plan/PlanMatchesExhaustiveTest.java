package io.gradesim.app.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.app.system.GradesimSystem;
import io.gradesim.files.progress.ProgressBar;
import io.gradesim.report.Interval;
import io.gradesim.report.ReplicatedComparison;
import io.gradesim.report.Slo;
import io.gradesim.report.Verdict;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search recommends, at each load level, the plan an exhaustive run of every candidate with the
 * same seeds and R finds cheapest among those meeting the SLO (compare's order), and runs at most
 * 30 % of the candidates. The space: 2 shapes x 8 agent counts x 4 warm-pool sizes (not monotone) =
 * 64 candidates.
 */
class PlanMatchesExhaustiveTest {
  private static final int R = 3;

  @Test
  void recommendsTheExhaustiveCheapestAndRunsAFewCandidates(@TempDir Path tmp) throws Exception {
    Path trace = tmp.resolve("trace.csv");
    StringBuilder csv = new StringBuilder("id,submitted_at,course,task,users\n");
    for (int i = 0; i < 300; i++) {
      csv.append(
          String.format(
              Locale.ROOT,
              "s%d,2024-03-08T%02d:%02d:%02d.000Z,c,t%d,u%d%n",
              i,
              9 + i * 2 / 3600,
              i * 2 / 60 % 60,
              i * 2 % 60,
              i % 3,
              i));
    }
    Files.writeString(trace, csv);
    Files.writeString(
        tmp.resolve("base.conf"),
        "agents = 1\ncores = 1\nmemory-mb = 4096\nseed = 7\n"
            + "costs { create = 400ms, start = 900ms, exec = 100ms, remove = 50ms }\n"
            + "grading.default = \"lognormal:median=3s,sigma=0.5\"\n");
    Path spaceFile =
        Files.writeString(
            tmp.resolve("space.conf"),
            "base = base.conf\n"
                + "shapes = [ { name = a, cores = 1, memory-mb = 4096, price-per-hour = 1.0 },"
                + " { name = b, cores = 2, memory-mb = 8192, price-per-hour = 1.9 } ]\n"
                + "agents { min = 1, max = 8 }\n"
                + "warm-pool-sizes = [0, 1, 2, 3]\n"
                + "warm-pool-environments = [\"docker/default\"]\n");
    PlanSpace space = PlanSpace.read(spaceFile);
    assertThat(space.size()).isEqualTo(64);
    Verdict verdict = new Verdict(List.of(Slo.parse("--slo", "feedback_p95 <= 9s")));
    try (GradesimSystem actors = new GradesimSystem()) {
      List<Planner.Level> levels =
          Planner.plan(
              actors.get(),
              new Planner.Request(
                  trace,
                  null,
                  space,
                  verdict,
                  List.of(1.0, 2.0),
                  R,
                  0,
                  0.95,
                  null,
                  2,
                  tmp.resolve("plan"),
                  quiet(),
                  List.of(),
                  null));
      for (Planner.Level l : levels) {
        CandidateRuns all =
            new CandidateRuns(
                actors.get(),
                l.trace(),
                null,
                space,
                7,
                tmp.resolve("all-" + l.label()),
                verdict,
                0.95,
                2);
        Map<String, List<String>> every = new LinkedHashMap<>();
        Map<String, Candidate> byId = new LinkedHashMap<>();
        for (Candidate c : space.candidates()) {
          every.put(c.id(), c.overrides(space.warmPoolEnvironments()));
          byId.put(c.id(), c);
        }
        Map<String, ReplicatedComparison.Scenario> results = all.run(every, 0, R);
        Candidate cheapest =
            results.entrySet().stream()
                .filter(e -> e.getValue().standing() == Interval.Standing.MEETS)
                .map(e -> Map.entry(byId.get(e.getKey()), e.getValue()))
                .min(PlanSearch.ORDER)
                .map(Map.Entry::getKey)
                .orElse(null);
        long meeting =
            results.values().stream().filter(s -> s.standing() == Interval.Standing.MEETS).count();
        System.out.printf(
            Locale.ROOT,
            "load %s: plan ran %d of %d candidates and recommends %s; exhaustive: %d meet,"
                + " cheapest %s%n",
            l.label(),
            l.evaluated(),
            space.size(),
            l.recommended() == null ? "-" : l.recommended().id(),
            meeting,
            cheapest == null ? "-" : cheapest.id());
        assertThat(cheapest).isNotNull();
        assertThat(meeting).isLessThan(space.size());
        assertThat(l.recommended()).isEqualTo(cheapest);
        assertThat(l.evaluated()).isLessThanOrEqualTo(space.size() * 30 / 100);
      }
    }
  }

  private static ProgressBar.Factory quiet() {
    return (label, n) ->
        new ProgressBar(new PrintStream(OutputStream.nullOutputStream()), label, n, false);
  }
}
