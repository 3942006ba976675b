package io.gradesim.simulator.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvSinkTest {

  private static String row(CsvSinkTest.Fields fields) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CsvSink sink = new CsvSink(bytes)) {
      fields.write(sink);
      sink.endRow();
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  interface Fields {
    void write(CsvSink sink) throws IOException;
  }

  @Test
  void quotesFieldsWithCommasQuotesAndLineBreaksOnly() throws IOException {
    assertThat(
            row(
                s -> {
                  s.text("plain");
                  s.text("a,b");
                  s.text("say \"hi\"");
                  s.text("two\nlines");
                  s.text("élève");
                  s.empty();
                }))
        .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",élève,\n");
  }

  @Test
  void writesInstantsInUtcWithSixDecimalsLikeTheJdk() throws IOException {
    for (long micros : List.of(0L, 1L, 1_709_888_102_123_456L, -1L, 253_402_300_799_999_999L)) {
      Instant expected =
          Instant.ofEpochSecond(
              Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
      String text = row(s -> s.instant(micros)).strip();
      assertThat(text).hasSize(27).endsWith("Z");
      assertThat(Instant.parse(text)).isEqualTo(expected);
    }
  }

  @Test
  void writesInstantsOfThreeDaysInTurnInOneRow() throws IOException {
    long day = 86_400_000_000L;
    long eve = 1_705_359_599_000_001L; // 2024-01-15T22:59:59.000001Z
    List<Long> order = List.of(eve, eve + day, eve, eve + 2 * day, eve + day, eve, eve + 2 * day);
    String text =
        row(
            s -> {
              for (long m : order) {
                s.instant(m);
              }
            });
    assertThat(text.strip().split(","))
        .containsExactly(
            "2024-01-15T22:59:59.000001Z",
            "2024-01-16T22:59:59.000001Z",
            "2024-01-15T22:59:59.000001Z",
            "2024-01-17T22:59:59.000001Z",
            "2024-01-16T22:59:59.000001Z",
            "2024-01-15T22:59:59.000001Z",
            "2024-01-17T22:59:59.000001Z");
  }

  @Test
  void writesSecondsWithExactlySixDecimals() throws IOException {
    assertThat(
            row(
                s -> {
                  s.seconds(0);
                  s.seconds(1);
                  s.seconds(2_300_000);
                  s.seconds(-1_500_000);
                  s.number(Long.MIN_VALUE);
                  s.number(42);
                }))
        .isEqualTo("0.000000,0.000001,2.300000,-1.500000,-9223372036854775808,42\n");
  }

  @Test
  void writesFieldsLongerThanItsBuffer() throws IOException {
    String big = "x".repeat(200_000);
    assertThat(
            row(
                s -> {
                  s.text(big);
                  s.text(big + ",");
                }))
        .isEqualTo(big + ",\"" + big + ",\"\n");
  }
}
