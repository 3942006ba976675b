package io.gradesim.app.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.app.system.GradesimSystem;
import io.gradesim.files.progress.ProgressBar;
import io.gradesim.report.Interval;
import io.gradesim.report.ReportRow;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intervals compare's verdict stands on are honest: for one plan, the 95 % interval of feedback
 * p95 from 10 replications covers the value from 200 replications (the mean of their p95s) in at
 * least 90 % of 50 trials, each trial with seeds of its own.
 */
class IntervalCoverageTest {
  private static final int REFERENCE = 200;
  private static final int TRIALS = 50;
  private static final int R = 10;

  @Test
  void tenReplicationsCoverTheValueOfTwoHundred(@TempDir Path tmp) throws Exception {
    Path trace = tmp.resolve("trace.csv");
    StringBuilder csv = new StringBuilder("id,submitted_at,course,task,users\n");
    for (int i = 0; i < 90; i++) {
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
    Files.writeString(trace, csv);
    Path scenario =
        Files.writeString(
            tmp.resolve("plan.conf"),
            "agents = 1\ncores = 2\ncosts { create = 90ms, start = 500ms, exec = 300ms }\n"
                + "grading.default = \"lognormal:median=3s,sigma=0.5\"\nseed = 7\n");
    Path first = tmp.resolve("runs/plan");
    int total = REFERENCE + TRIALS * R;
    List<Path> dirs;
    try (GradesimSystem actors = new GradesimSystem()) {
      dirs =
          Replications.runFurther(
                  actors.get(),
                  trace,
                  null,
                  List.of(scenario),
                  List.of(),
                  List.of(first),
                  total + 1,
                  2,
                  quiet())
              .get(0);
    }
    double[] p95 = new double[total];
    for (int i = 0; i < total; i++) {
      p95[i] = ReportRow.read(dirs.get(i)).feedbackP95();
    }
    double reference = 0;
    for (int i = 0; i < REFERENCE; i++) {
      reference += p95[i] / REFERENCE;
    }
    int covered = 0;
    for (int t = 0; t < TRIALS; t++) {
      double[] sample = new double[R];
      System.arraycopy(p95, REFERENCE + t * R, sample, 0, R);
      if (Interval.of(sample, 0.95).covers(reference)) {
        covered++;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "feedback p95 over %d runs %.3f s: covered in %d of %d trials%n",
        REFERENCE,
        reference,
        covered,
        TRIALS);
    // The p95s do vary from seed to seed, or covering would say nothing.
    assertThat(Interval.of(p95, 0.95).upper() - Interval.of(p95, 0.95).lower()).isPositive();
    assertThat(covered).isGreaterThanOrEqualTo(45);
  }

  private static ProgressBar.Factory quiet() {
    return (label, n) ->
        new ProgressBar(new PrintStream(OutputStream.nullOutputStream()), label, n, false);
  }
}
