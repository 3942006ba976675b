package io.gradesim.traces.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  @Test
  void readsEveryOffsetSpellingToTheSameInstant() {
    Instant expected = Instant.parse("2023-02-19T08:18:59.044Z");
    for (String s :
        new String[] {
          "2023-02-19T09:18:59.044+01:00",
          "2023-02-19T09:18:59.044+0100",
          "2023-02-19T09:18:59.044+01",
          "2023-02-19 08:18:59.044Z",
          "2023-02-19T08:18:59.044 UTC",
          "2023-02-19T09:18:59.044[Europe/Paris]"
        }) {
      assertThat(Timestamps.instant(s, null)).as(s).isEqualTo(expected);
    }
  }

  @Test
  void readsZonelessTimeInTheGivenZoneOnly() {
    assertThat(Timestamps.instant("2023-03-08 10:10:00", ZoneId.of("Europe/Moscow")))
        .isEqualTo(Instant.parse("2023-03-08T07:10:00Z"));
    assertThat(Timestamps.parse("2016-02-05T19:46:00").zone()).isNull();
    assertThatThrownBy(() -> Timestamps.instant("2016-02-05T19:46:00", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no time zone");
  }

  @Test
  void refusesImpossibleDates() {
    assertThatThrownBy(() -> Timestamps.parse("2023-13-01T00:00:00Z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2023-13-01");
    assertThatThrownBy(() -> Timestamps.parse("yesterday"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ISO-8601");
  }

  @Test
  void tellsEpochSecondsFromMillisecondsByMagnitude() {
    assertThat(Timestamps.epoch("1676794739.044"))
        .isEqualTo(Instant.parse("2023-02-19T08:18:59.044Z"));
    assertThat(Timestamps.epoch("1676794739044"))
        .isEqualTo(Instant.parse("2023-02-19T08:18:59.044Z"));
    assertThatThrownBy(() -> Timestamps.epoch("1e999999"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of range");
  }

  @Test
  void readsClicsContestTimes() {
    assertThat(Timestamps.contestTime("0:03:59.044")).isEqualTo(Duration.ofMillis(239_044));
    assertThat(Timestamps.contestTime("-0:15:00")).isEqualTo(Duration.ofMinutes(-15));
    assertThat(Timestamps.zone("+03:00")).isEqualTo(ZoneOffset.ofHours(3));
  }
}
