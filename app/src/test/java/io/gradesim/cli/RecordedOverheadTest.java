package io.gradesim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradesim.simulator.costs.RecordedRuntime;
import io.gradesim.traces.stats.RecordedOverhead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario with stage costs replayed on an INGInious export does not count the recorded
 * platform's container overhead twice: on a synthetic export whose true grading times are known
 * (each completion = dispatch + the docker-runc overhead + the true grading time, truncated to the
 * ObjectId's second), {@code grading.recorded-runtime = docker-runc} recovers the true grading
 * times, and without it the replay's grading times carry the overhead a second time.
 */
class RecordedOverheadTest {
  /** The bundled docker-runc medians, create + start + exec + remove (literature.json), ms. */
  static final double OVERHEAD_MS = 86.6 + 573.6 + 386.3 + 1200.0;

  static final double TRUE_MEDIAN_S = 4.0;
  static final int SUBMISSIONS = 400;

  @TempDir static Path dir;
  static Path trace;
  static double[] trueGradingS;

  @BeforeAll
  static void writeExport() throws IOException {
    SplittableRandom rng = new SplittableRandom(12);
    long t0 = Instant.parse("2024-01-15T08:00:00Z").toEpochMilli();
    StringBuilder json = new StringBuilder();
    trueGradingS = new double[SUBMISSIONS];
    double arrival = 0;
    double free = 0;
    for (int i = 0; i < SUBMISSIONS; i++) {
      arrival += -30.0 * Math.log(1 - rng.nextDouble()); // one server at load about 0.2
      double grading = TRUE_MEDIAN_S * Math.exp(0.3 * rng.nextGaussian());
      trueGradingS[i] = grading;
      double done = Math.max(arrival, free) + OVERHEAD_MS / 1000 + grading;
      free = done;
      long at = t0 + Math.round(arrival * 1000);
      long doneSecond = Math.floorDiv(t0 + Math.round(done * 1000), 1000);
      json.append("{\"_id\":{\"$oid\":\"")
          .append(oid(Math.floorDiv(at, 1000), i))
          .append("\"},\"courseid\":\"c\",\"taskid\":\"t\",\"username\":[\"u")
          .append(i)
          .append("\"],\"submitted_on\":{\"$date\":{\"$numberLong\":\"")
          .append(at)
          .append("\"}},\"status\":\"done\",\"result\":\"success\",\"archive\":{\"$oid\":\"")
          .append(oid(doneSecond, i))
          .append("\"}}\n");
    }
    Path export = dir.resolve("submissions.json");
    Files.writeString(export, json);
    trace = dir.resolve("exam.csv");
    Gradesim.Result r =
        Gradesim.run(
            "trace", "import", "--format", "inginious", export.toString(), "-o", trace.toString());
    assertThat(r.exit()).as(r.err()).isZero();
  }

  private static String oid(long second, int n) {
    return String.format("%08x%016x", second, n);
  }

  @Test
  void theBundledDockerRuncOverheadIsItsFourStageMedians() throws IOException {
    RecordedOverhead o = RecordedRuntime.overhead("docker-runc", null, "test");
    assertThat(o.overheadMs()).isCloseTo(OVERHEAD_MS, within(1e-6));
    assertThat(o.detail()).contains("create 86.6").contains("remove 1200.0");
  }

  @Test
  void theReplayRecoversTheTrueGradingTimesAndCountsTheOverheadOnce() throws IOException {
    double trueMedian = median(trueGradingS);
    double[] corrected = replayGradingS("recorded", "docker-runc");
    double[] twice = replayGradingS("twice", "none");

    // The estimate's precision: the median of 100 quiet samples of spread 0.3 is within about 3 %
    // (one standard error), the 1-s completion truncation adds up to 0.5 s of spread.
    assertThat(median(corrected)).isCloseTo(trueMedian, within(0.1 * trueMedian));
    assertThat(median(twice) - trueMedian).isGreaterThan(0.8 * OVERHEAD_MS / 1000);
  }

  @Test
  void traceInspectSubtractsTheRecordedRuntime() throws IOException {
    Gradesim.Result plain = Gradesim.run("trace", "inspect", "--json", trace.toString());
    Gradesim.Result corrected =
        Gradesim.run(
            "trace", "inspect", "--json", "--recorded-runtime", "docker-runc", trace.toString());
    assertThat(plain.exit()).as(plain.err()).isZero();
    assertThat(corrected.exit()).as(corrected.err()).isZero();
    JsonNode p = new ObjectMapper().readTree(plain.out()).get("grading_time_estimate");
    JsonNode c = new ObjectMapper().readTree(corrected.out()).get("grading_time_estimate");
    assertThat(p.has("recorded_overhead")).isFalse();
    assertThat(c.at("/recorded_overhead/runtime").asText()).isEqualTo("docker-runc");
    assertThat(c.at("/recorded_overhead/subtracted_s").asDouble()).isEqualTo(2.247);
    double before = p.at("/tasks/c~1t/median_s").asDouble();
    double after = c.at("/tasks/c~1t/median_s").asDouble();
    assertThat(before - after).isCloseTo(OVERHEAD_MS / 1000, within(0.002));
    assertThat(after).isCloseTo(median(trueGradingS), within(0.1 * median(trueGradingS)));
    assertThat(c.at("/tasks/c~1t/clamped").asLong()).isZero();

    Gradesim.Result unknown =
        Gradesim.run("trace", "inspect", "--recorded-runtime", "lxc", trace.toString());
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err())
        .startsWith("gradesim: --recorded-runtime: 'lxc' is not in the calibration profile")
        .contains("docker-runc");
  }

  /** Grading times of a replay: slot time (dispatch to removal) less the stage costs, seconds. */
  private static double[] replayGradingS(String name, String recordedRuntime) throws IOException {
    Path scenario = dir.resolve(name + ".conf");
    Files.writeString(
        scenario,
        "runtime = docker-runc\ncosts = profile\nagents = 1\ncores = 8\n"
            + "grading.recorded-runtime = "
            + recordedRuntime
            + "\n");
    Path out = dir.resolve(name);
    Gradesim.Result r =
        Gradesim.run(
            "simulate",
            "--trace",
            trace.toString(),
            "--scenario",
            scenario.toString(),
            "--out",
            out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    if (!recordedRuntime.equals("none")) {
      assertThat(r.err()).contains("grading.recorded-runtime = docker-runc: 2.247 s");
    }
    List<String> rows = Files.readAllLines(out.resolve("submissions.csv"));
    List<String> header = Arrays.asList(rows.get(0).split(","));
    int dispatched = header.indexOf("dispatched");
    int removed = header.indexOf("removed");
    List<Double> g = new ArrayList<>();
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",", -1);
      double slot =
          (Instant.parse(f[removed]).toEpochMilli() - Instant.parse(f[dispatched]).toEpochMilli())
              / 1000.0;
      g.add(slot - OVERHEAD_MS / 1000);
    }
    assertThat(g).hasSize(SUBMISSIONS);
    return g.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
