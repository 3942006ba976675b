package io.gradesim.probes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.probes.runtime.RequireRuntime;
import io.gradesim.probes.runtime.Runtime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProbeCommandTest {

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new ProbeCommand());
    cl.setOut(new PrintWriter(out));
    int code = cl.execute(args);
    assertThat(code).as(out.toString()).isZero();
    return out.toString();
  }

  @Test
  void listsEveryRuntimeWithAvailabilityAndReason() {
    String out = run("--list");
    for (Runtime r : Runtime.values()) {
      assertThat(out).containsPattern("(?m)^" + r.label() + "(-emulated)? +(yes|no) ");
    }
    assertThat(out).contains("runtimes available");
  }

  @Test
  void writesOneCsvRowPerMeasuredStageAndARecordingWithCpuLoad(@TempDir Path dir) throws Exception {
    RequireRuntime.driver(Runtime.RUNC);
    String out =
        run(
            "--runtime",
            "process,runc",
            "--repeat",
            "2",
            "--warmup",
            "1",
            "--concurrency",
            "1,2",
            "--out",
            dir.toString());
    List<String> rows = Files.readAllLines(dir.resolve("probe.csv"));
    assertThat(rows.get(0))
        .startsWith("runtime,stage,payload,concurrency,iteration,ok,duration_ns");
    // 2 runtimes x 6 stages x (1 + 2 lifecycles) x 2 measured rounds; warm-ups left out
    assertThat(rows).hasSize(1 + 2 * 6 * 3 * 2);
    assertThat(rows.subList(1, rows.size())).allMatch(r -> r.contains(",true,"));
    assertThat(out).contains("harness overhead per stage").contains("runc").contains("median ms");
    List<RecordedEvent> events = RecordingFile.readAllEvents(dir.resolve("probe.jfr"));
    assertThat(events).anyMatch(e -> e.getEventType().getName().equals("jdk.CPULoad"));
    assertThat(
            events.stream()
                .filter(e -> e.getEventType().getName().equals("gradesim.Stage"))
                .filter(e -> e.getBoolean("warmup") && e.getString("runtime").equals("runc")))
        .hasSize(6 * 3);
  }

  @Test
  void rejectsAnUnknownRuntimeNamingIt(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new ProbeCommand());
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("--runtime", "rkt", "--out", dir.toString());
    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("unknown runtime 'rkt'");
  }
}
