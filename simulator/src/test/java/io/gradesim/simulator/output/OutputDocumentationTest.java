package io.gradesim.simulator.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OutputDocumentationTest {
  private static final Path PAGE = Path.of("OUTPUTS.md");

  @Test
  void documentsEveryColumnAndKeyWithItsUnit() throws IOException {
    String page = Files.readString(PAGE);

    for (SubmissionColumn c : SubmissionColumn.values()) {
      assertThat(page).contains("| `" + c.column() + "` | " + c.unit());
    }
    for (TimeseriesColumn c : TimeseriesColumn.values()) {
      assertThat(page).contains("| `" + c.column() + "` | " + c.unit());
    }
    for (SummaryKey k : SummaryKey.values()) {
      assertThat(page).contains("| `" + k.key() + "` | " + k.unit());
    }
  }
}
