package io.gradesim.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo on a host without any container runtime: a child JVM runs {@code gradesim demo} with
 * every runtime binary and busybox hidden ({@link HiddenRuntimes}), whether or not they are
 * installed here. It must measure plain processes, leave out the plans that have no figures,
 * compare the rest and write the report, then answer at 1x, 2x and 4x load (recommendations that
 * are not all the same on the sample exam), exit 0.
 */
class DemoWithoutRuntimesTest {

  @Test
  void demoRunsToItsReportWithEveryRuntimeAndBusyboxHidden(@TempDir Path tmp) throws Exception {
    HiddenRuntimes.requireHost();
    Path root = Path.of("").toAbsolutePath().getParent();
    assertThat(root.resolve("simulator/scenarios/inginious-today.conf")).isRegularFile();
    Path out = tmp.resolve("demo");
    Path log = tmp.resolve("demo.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> demo =
        List.of(
            java,
            "-Dgradesim.root=" + root,
            "-Dgradesim.home=" + tmp.resolve("home"),
            "-cp",
            System.getProperty("java.class.path"),
            "io.gradesim.cli.GradesimCommand",
            "demo",
            "--repeat",
            "2",
            "--out",
            out.toString());
    ProcessBuilder pb =
        new ProcessBuilder(HiddenRuntimes.wrap(demo))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("GRADESIM_HOME", tmp.resolve("home").toString());
    Process child = pb.start();
    boolean done = child.waitFor(10, TimeUnit.MINUTES);
    if (!done) {
      child.destroyForcibly();
    }
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(done).as("demo finished within 10 minutes:%n%s", text).isTrue();
    assertThat(child.exitValue()).as(text).isZero();
    assertThat(text)
        .contains("probing 1 runtime(s): process", "measured: process")
        .contains("runc          absent: runc is not installed (Debian package runc)")
        .contains("/bin/busybox is missing (Debian package busybox-static)")
        .contains("left out runtime-podman: runtime 'podman-crun' was not measured here")
        .contains("left out runtime-gvisor: runtime 'docker-runsc' was not measured here")
        .contains("not probed here: unshare, bwrap", "probes/host-setup.sh runtimes")
        .doesNotContain("Exception", "\tat ");
    // The comparison table: its header and a row of a plan with published figures.
    assertThat(text)
        .containsPattern("(?m)^scenario +agents x slots +runtime")
        .containsPattern("(?m)^inginious-today +\\d+ x \\d+ +docker-runc \\(lit\\)");
    assertThat(out.resolve("compare/report.html")).isRegularFile();
    assertThat(Files.readString(out.resolve("compare/report.html"))).contains("inginious-today");
    assertThat(Files.readAllLines(out.resolve("compare/compare.csv")))
        .as("a header and the 8 plans with figures")
        .hasSize(9);
    // The answer: at 1x, 2x and 4x load today's standing, the cheapest plan and vertical
    // against horizontal; on the sample exam the recommendation is not the same at every load.
    List<String> cheapest =
        Pattern.compile("(?m)^    cheapest plan meeting it: +(\\S+)")
            .matcher(text)
            .results()
            .map(m -> m.group(1))
            .toList();
    assertThat(cheapest).as(text).hasSize(3);
    assertThat(Set.copyOf(cheapest))
        .as("recommendations at 1x, 2x, 4x: %s", cheapest)
        .hasSizeGreaterThan(1);
    assertThat(text)
        .contains("  at 1x load:", "  at 2x load:", "  at 4x load:")
        .containsPattern("(?m)^    today's pool \\(inginious-today\\): (meets|misses|borderline)")
        .containsPattern("(?m)^    vertical against horizontal: +(equal|vertical|horizontal)");
    for (String load : List.of("1x", "2x", "4x")) {
      assertThat(out.resolve("answer").resolve(load).resolve("report.html")).isRegularFile();
      assertThat(text).containsPattern("(?m)^load " + load + ": \\d+ of \\d+ candidates evaluated");
    }
    assertThat(out.resolve("plan/plan.html")).isRegularFile();
    answerPage(text, out.resolve("answer.html"));
  }

  /**
   * answer.html holds, per load, the planner's front (one grey point per candidate the planner says
   * it evaluated at that load, the front joined, the recommendation ringed) and vertical against
   * horizontal with their feedback p95 intervals and the gain or "equal".
   */
  private static void answerPage(String text, Path answer) throws Exception {
    assertThat(text)
        .containsPattern("(?m)^the answer on one page \\(.*\\): file:\\S*/answer\\.html$");
    String page = Files.readString(answer, StandardCharsets.UTF_8);
    for (String load : List.of("1x", "2x", "4x")) {
      Matcher evaluated =
          Pattern.compile("(?m)^load " + load + ": (\\d+) of (\\d+) candidates evaluated")
              .matcher(text);
      assertThat(evaluated.find()).as(text).isTrue();
      Matcher section =
          Pattern.compile("(?s)<section id=\"load-" + load + "\">(.*?)</section>").matcher(page);
      assertThat(section.find()).as("the section of %s in%n%s", load, page).isTrue();
      String s = section.group(1);
      assertThat(Pattern.compile("r=\"3\" fill=\"#999\"").matcher(s).results().count())
          .as("the candidates of %s on its front", load)
          .isEqualTo(Long.parseLong(evaluated.group(1)));
      assertThat(s)
          .contains("<svg", "<polyline fill=\"none\" stroke=\"#1f5fbf\"", "Pareto front")
          .contains(evaluated.group(1) + " of " + evaluated.group(2) + " candidates evaluated")
          .containsPattern("<tr><td>vertical</td><td class=\"n\">\\d+ x \\d+</td>")
          .containsPattern("<tr><td>horizontal</td><td class=\"n\">\\d+ x \\d+</td>")
          .containsPattern(
              "<p class=\"gain\">(Equal within the 95 % intervals \\(vertical [0-9.]+ \\[-?[0-9.]+,"
                  + " [0-9.]+\\] s, horizontal [0-9.]+ \\[-?[0-9.]+, [0-9.]+\\] s\\), because"
                  + "|(Vertical|Horizontal) is faster by [0-9.]+ s at p95 \\(vertical [0-9.]+"
                  + " \\[)");
      if (s.contains("The planner's recommendation: no candidate")) {
        assertThat(s).doesNotContain("stroke=\"#d62728\"");
      } else {
        assertThat(s).contains("r=\"8\" fill=\"none\" stroke=\"#d62728\"");
      }
    }
  }
}
