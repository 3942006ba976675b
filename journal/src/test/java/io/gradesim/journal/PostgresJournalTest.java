package io.gradesim.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.output.RunOutputWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL journal against a real server ({@code probes/host-setup.sh postgres}); URL from
 * env GRADESIM_TEST_PG_URL. Unreachable: aborted outside CI, a failure in CI (CI=true).
 */
class PostgresJournalTest {
  static final String DEFAULT_URL =
      "jdbc:postgresql://127.0.0.1:5432/gradesim_test?user=gradesim&password=gradesim";

  @TempDir Path dir;
  JournalTarget target;

  @BeforeEach
  void server() {
    String url = System.getenv().getOrDefault("GRADESIM_TEST_PG_URL", DEFAULT_URL);
    try (var c = DriverManager.getConnection(url)) {
      target = JournalTarget.parse(url, dir);
    } catch (SQLException e) {
      String why =
          "PostgreSQL at "
              + url.replaceAll("password=[^&]*", "password=***")
              + " unreachable ("
              + e.getMessage()
              + "); run probes/host-setup.sh postgres";
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(why);
      }
      Assumptions.abort(why);
    }
  }

  @Test
  void recordsReplaysExportsAndDeletesARun() throws IOException {
    String id = "pgtest-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    Path out = dir.resolve("out");
    JournalTestSupport.simulate(target, id, 21, 4_000, out);
    List<SimEvent> expected = JournalTestSupport.events(id, 21, 4_000);
    try (TestActors actors = new TestActors();
        RunJournal journal = actors.open(target)) {
      try {
        assertThat(journal.runIds()).contains(id);
        RunState s = journal.state(id);
        assertThat(s.status()).isEqualTo(RunState.Status.FINISHED);
        assertThat(s.events()).isEqualTo(expected.size() + 1);
        List<SimEvent> replayed = new ArrayList<>();
        journal.replay(id, replayed::add);
        assertThat(replayed.subList(0, expected.size())).isEqualTo(expected);
        Path again = dir.resolve("export");
        JournalTestSupport.export(journal, id, again);
        for (String f : RunOutputWriter.FILES) {
          assertThat(Files.readAllBytes(again.resolve(f)))
              .as(f)
              .isEqualTo(Files.readAllBytes(out.resolve(f)));
        }
      } finally {
        assertThat(journal.delete(id)).isTrue();
      }
      assertThat(journal.runIds()).doesNotContain(id);
    }
  }
}
