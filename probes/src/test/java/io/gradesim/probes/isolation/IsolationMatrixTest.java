package io.gradesim.probes.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.probes.cleanup.Janitor;
import io.gradesim.probes.image.TestImages;
import io.gradesim.probes.isolation.Verdict.Outcome;
import io.gradesim.probes.runtime.RequireRuntime;
import io.gradesim.probes.runtime.Runtime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolationMatrixTest {

  private static Map<String, Outcome> verdicts(List<IsolationMatrix.Cell> cells, String rt) {
    return cells.stream()
        .filter(c -> c.runtime().equals(rt))
        .collect(Collectors.toMap(c -> c.check().label(), c -> c.verdict().outcome()));
  }

  @Test
  void runcHoldsEveryLimitWhileAPlainProcessIsolatesNothing(@TempDir Path dir) throws Exception {
    RequireRuntime.driver(Runtime.RUNC);
    StringWriter out = new StringWriter();
    List<IsolationMatrix.Cell> cells;
    try (Janitor janitor = Janitor.install()) {
      cells =
          new IsolationMatrix(TestImages.shared(), janitor)
              .run(
                  List.of(Runtime.PROCESS, Runtime.RUNC),
                  dir.resolve("isolation.csv"),
                  new PrintWriter(out));
    }
    assertThat(verdicts(cells, "runc"))
        .as(cells.toString())
        .containsOnly(
            Map.entry("memory-limit", Outcome.PASS), Map.entry("cpu-time-limit", Outcome.PASS),
            Map.entry("wall-time-limit", Outcome.PASS), Map.entry("no-network", Outcome.PASS),
            Map.entry("pid-isolation", Outcome.PASS), Map.entry("read-only-root", Outcome.PASS));
    assertThat(verdicts(cells, "process"))
        .as(cells.toString())
        .containsOnly(
            Map.entry("memory-limit", Outcome.UNSUPPORTED),
                Map.entry("cpu-time-limit", Outcome.PASS),
            Map.entry("wall-time-limit", Outcome.PASS), Map.entry("no-network", Outcome.FAIL),
            Map.entry("pid-isolation", Outcome.FAIL),
                Map.entry("read-only-root", Outcome.UNSUPPORTED));
    assertThat(Files.readAllLines(dir.resolve("isolation.csv")))
        .hasSize(1 + 12)
        .first()
        .isEqualTo("runtime,check,verdict,detail");
  }
}
