package io.gradesim.probes.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.probes.cleanup.HostSweep;
import io.gradesim.probes.cli.ProbeCommand;
import io.gradesim.probes.runtime.Label;
import io.gradesim.probes.runtime.RequireRuntime;
import io.gradesim.probes.runtime.Runtime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The workloads run in a real container with the grading image and their output is checked. */
class WorkloadProbeTest {

  @Test
  void runsTheThesisWorkloadsInARealContainerAndChecksTheirOutput(@TempDir Path dir) {
    RequireRuntime.driver(Runtime.DOCKER_CRUN);
    StringWriter out = new StringWriter();
    int code =
        new CommandLine(new ProbeCommand())
            .setOut(new PrintWriter(out))
            .execute(
                "--runtime",
                "docker-crun",
                "--image",
                "grading",
                "--payload",
                "hello,http,db-read-xs,db-write-xs,io-read-xs,io-write-xs",
                "--repeat",
                "1",
                "--warmup",
                "0",
                "--stages",
                "create,start,exec,stop,remove",
                "--out",
                dir.toString());
    assertThat(code).as(out.toString()).isZero();
    List<String> rows = lines(dir.resolve("probe.csv"));
    for (String payload :
        List.of("hello", "http", "db-read-xs", "db-write-xs", "io-read-xs", "io-write-xs")) {
      assertThat(rows)
          .as(payload)
          .anyMatch(r -> r.contains(",exec," + payload + ",1,0,true,"))
          .noneMatch(r -> r.contains("," + payload + ",") && r.contains(",false,"));
    }
    assertThat(rows).anyMatch(r -> r.contains(",respond,http,1,0,true,"));
    assertThat(HostSweep.mounts(Label::isOwn)).isEmpty();
  }

  @Test
  void aBadPayloadNameExitsTwoWithOneLine(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new ProbeCommand()).setErr(new PrintWriter(err));
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("gradesim: " + e.getMessage());
          return 2;
        });
    int code = cl.execute("--runtime", "crun", "--payload", "db-reed", "--out", dir.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .startsWith("gradesim: unknown payload 'db-reed' (known: true, cpu, write, hello,")
        .doesNotContain("\n");
    assertThat(dir.resolve("probe.csv")).doesNotExist();
  }

  private static List<String> lines(Path csv) {
    try {
      return Files.readAllLines(csv);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
