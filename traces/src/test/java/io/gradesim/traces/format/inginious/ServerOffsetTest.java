package io.gradesim.traces.format.inginious;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradesim.traces.TraceFormatException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerOffsetTest {
  private static InginiousDocument doc(long idSecond, long localMs) {
    return new InginiousDocument(
        1,
        1,
        String.format("%08x%016x", idSecond, 0),
        "c",
        "t",
        List.of(),
        Instant.ofEpochMilli(localMs),
        "done",
        "success",
        null,
        false);
  }

  @Test
  void takesTheMedianRoundedToAQuarterHourDespiteOutliers() {
    List<InginiousDocument> docs = new ArrayList<>();
    for (int i = 0; i < 99; i++) {
      long utc = 1_705_307_480L + i;
      docs.add(doc(utc, (utc + 19_800) * 1000 + 300)); // +05:30
    }
    docs.add(doc(1_705_307_480L, 1_705_307_480_000L)); // one edited document

    ServerOffset o = ServerOffset.estimate(docs.iterator());

    assertThat(o.offset()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
    assertThat(o.agreeing()).isEqualTo(99);
    assertThat(o.describe()).contains("+05:30").contains("99 of 100").doesNotContain("WARNING");
  }

  @Test
  void warnsWhenOffsetsDisagreeAsAcrossDaylightSavingTime() {
    List<InginiousDocument> docs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      long utc = 1_705_307_480L + i;
      docs.add(doc(utc, (utc + (i < 60 ? 3600 : 7200)) * 1000));
    }

    ServerOffset o = ServerOffset.estimate(docs.iterator());

    assertThat(o.offset()).isEqualTo(ZoneOffset.ofHours(1));
    assertThat(o.describe()).contains("WARNING").contains("--tz");
  }

  @Test
  void aTaskYamlWithABadLimitNamesTheFileAndField() throws Exception {
    var yaml =
        new ObjectMapper()
            .readTree(
                "{\"environment_type\":\"docker\","
                    + "\"environment_parameters\":{\"limits\":{\"time\":\"soon\"}}}");

    assertThatThrownBy(() -> TaskCatalog.settings(Path.of("c/t/task.yaml"), yaml))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("c/t/task.yaml")
        .hasMessageContaining("limits.time");
  }
}
