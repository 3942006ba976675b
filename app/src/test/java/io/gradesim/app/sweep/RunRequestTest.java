package io.gradesim.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradesim.journal.RunJournal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Run ids are stable hashes of the inputs; requests and results survive serialization. */
class RunRequestTest {
  static final String TRACE = "a".repeat(64);
  static final String SCENARIO = "b".repeat(64);

  @Test
  void theRunIdIsOneStableHashOfTheInputHashesAndTheSeed() {
    String id = RunRequest.runId(TRACE, SCENARIO, "", "0.1.0", 3);
    assertThat(id).isEqualTo("3b1d704357c1ecf49dcaec53ad3f74ec90883d5641914ebc369d35672eb95a07");
    assertThat(RunJournal.checkRunId(id)).hasSizeLessThanOrEqualTo(100);
    assertThat(RunRequest.runId(TRACE, SCENARIO, "", "0.1.0", 4)).isNotEqualTo(id);
    assertThat(RunRequest.runId(TRACE, SCENARIO, "c".repeat(64), "0.1.0", 3)).isNotEqualTo(id);
    assertThat(RunRequest.runId(TRACE, SCENARIO, "", "0.2.0", 3)).isNotEqualTo(id);
  }

  @Test
  void requestsAndResultsRoundTripThroughJackson() throws Exception {
    ObjectMapper json = new ObjectMapper();
    RunRequest request =
        new RunRequest(
            RunRequest.runId(TRACE, SCENARIO, "", "0.1.0", 3),
            TRACE,
            SCENARIO,
            "",
            "0.1.0",
            3,
            "exam.csv",
            "pool.conf",
            List.of("agents=4"),
            "",
            "out/runs/pool");
    assertThat(json.readValue(json.writeValueAsBytes(request), RunRequest.class))
        .isEqualTo(request);
    RunResult result = new RunResult(request.runId(), request.out(), "{\"n\":1}", 10, 2, "");
    assertThat(json.readValue(json.writeValueAsBytes(result), RunResult.class)).isEqualTo(result);
    assertThat(result.completed()).isTrue();
  }
}
