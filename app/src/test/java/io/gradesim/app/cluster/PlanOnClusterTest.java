package io.gradesim.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.app.plan.PlanCommand;
import io.gradesim.cli.GradesimCommand;
import io.gradesim.journal.ChildJvm;
import io.gradesim.simulator.output.RunOutputWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code plan --cluster}: a 16-candidate space at two load levels with 3 replications, planned by a
 * coordinator JVM whose runs go to a worker JVM on loopback, gives the same plan.csv and the same
 * bytes in every run's outputs as the same plan in this process (but the path of the scaled trace,
 * which lies in each plan's own folder); the coordinator's lines name the runs stored on the
 * worker.
 */
class PlanOnClusterTest {
  @TempDir Path dir;

  @Test
  void aPlanOnTheClusterIsThePlanMadeHereByteForByte() throws Exception {
    try (ClusterFixture f = new ClusterFixture(dir)) {
      Files.writeString(
          dir.resolve("base.conf"),
          "agents = 1\ncores = 4\nslots = 4\nseed = 11\n"
              + "costs { create = \"uniform:min=50ms,max=150ms\", start = 300ms, remove = 20ms }\n"
              + "grading.default = \"lognormal:median=3s,sigma=0.5\"\noutput.bucket-s = 30\n");
      Path space =
          Files.writeString(
              dir.resolve("space.conf"),
              "base = base.conf\n"
                  + "shapes = [ { name = a, cores = 4, memory-mb = 8192, price-per-hour = 1.0 },"
                  + " { name = b, cores = 8, memory-mb = 16384, price-per-hour = 1.9 } ]\n"
                  + "agents { min = 1, max = 4 }\n"
                  + "warm-pool-sizes = [0, 1]\n"
                  + "warm-pool-environments = [\"docker/default\"]\n");
      Path ref = dir.resolve("ref");
      StringWriter err = new StringWriter();
      CommandLine cl = GradesimCommand.commandLine();
      cl.setOut(new PrintWriter(new StringWriter(), true));
      cl.setErr(new PrintWriter(err, true));
      assertThat(cl.execute(args(f, space, ref, "--parallel", "2").toArray(String[]::new)))
          .as(err.toString())
          .isZero();

      ClusterFixture.Node worker = f.node("worker", 0, "none", f.secret, null);
      Path out = dir.resolve("out");
      ChildJvm coordinator =
          f.start(
              "coordinator",
              null,
              args(
                  f,
                  space,
                  out,
                  "--cluster",
                  "127.0.0.1:" + worker.port(),
                  "--cluster-secret-file",
                  f.secret.toString()));
      assertThat(coordinator.awaitExit()).as(coordinator.output()).isZero();
      assertThat(coordinator.output()).contains("plan: run 1 of ");
      assertThat(ClusterFixture.lines(worker.jvm().output(), "simulated run ")).isNotEmpty();

      assertThat(Files.readAllBytes(out.resolve(PlanCommand.CSV)))
          .isEqualTo(Files.readAllBytes(ref.resolve(PlanCommand.CSV)));
      List<Path> runs = runDirs(ref);
      assertThat(runs).hasSizeGreaterThan(6).isEqualTo(runDirs(out));
      // The scaled traces are each plan's own (under its --out): their paths differ, nothing else.
      String refTraces = ref.resolve("traces").toString();
      String outTraces = out.resolve("traces").toString();
      for (Path r : runs) {
        for (String file : RunOutputWriter.FILES) {
          byte[] expected = Files.readAllBytes(ref.resolve(r).resolve(file));
          if (file.equals(RunOutputWriter.SUMMARY)) {
            expected =
                new String(expected, StandardCharsets.UTF_8)
                    .replace(refTraces, outTraces)
                    .getBytes(StandardCharsets.UTF_8);
          }
          assertThat(Files.readAllBytes(out.resolve(r).resolve(file)))
              .as(r + "/" + file)
              .isEqualTo(expected);
        }
      }
    }
  }

  private static List<String> args(ClusterFixture f, Path space, Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "plan",
                "--trace",
                f.trace.toString(),
                "--space",
                space.toString(),
                "--slo",
                "feedback_p95 <= 20s",
                "--load",
                "1x,2x",
                "--replications",
                "3",
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    return args;
  }

  /** The run folders under {@code root} (those with a summary.json), relative, sorted. */
  private static List<Path> runDirs(Path root) throws Exception {
    try (Stream<Path> all = Files.walk(root.resolve("runs"))) {
      return all.filter(p -> p.getFileName().toString().equals(RunOutputWriter.SUMMARY))
          .map(p -> root.relativize(p.getParent()))
          .sorted()
          .toList();
    }
  }
}
