package io.gradesim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeSeriesTest {

  @Test
  void keepsBoundedPointsThePeakAndTheArrivalTotal(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("timeseries.csv");
    StringBuilder csv = new StringBuilder("t_s,queue_length,busy_slots,agents_up,arrivals\n");
    // The short column names of hand-written files: seconds, one row a second.
    int rows = 10_000;
    for (int t = 0; t < rows; t++) {
      csv.append(t)
          .append(',')
          .append(t == 7777 ? 500 : t % 7)
          .append(",4,")
          .append(1 + t / 5000)
          .append(",3\n");
    }
    Files.writeString(f, csv);
    TimeSeries s = TimeSeries.read(f);
    assertThat(s.points())
        .hasSizeLessThanOrEqualTo(TimeSeries.MAX_POINTS)
        .hasSizeGreaterThan(TimeSeries.MAX_POINTS / 4);
    assertThat(s.points().stream().mapToDouble(TimeSeries.Point::queueMax).max()).hasValue(500);
    assertThat(s.points().stream().mapToDouble(TimeSeries.Point::arrivals).sum())
        .isEqualTo(3.0 * rows);
    assertThat(s.points().get(0).busyMean()).isCloseTo(4, within(1e-9));
    assertThat(s.points().get(s.points().size() - 1).endS()).isEqualTo(rows);
    assertThat(s.points().get(0).arrivalsPerMinute()).isCloseTo(180, within(1e-9));
  }

  @Test
  void readsIsoInstantsAsSecondsSinceTheFirstRow(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("timeseries.csv");
    Files.writeString(
        f,
        "bucket_start,bucket_s,queue_max,busy_slots_mean,agents_up\n"
            + "2024-03-08T09:00:00.000000Z,60.000000,1,2.5,3\n"
            + "2024-03-08T09:01:00.000000Z,12.500000,4,5,6\n");
    TimeSeries s = TimeSeries.read(f);
    assertThat(s.hasArrivals()).isFalse();
    assertThat(s.hasSlots()).isFalse();
    assertThat(s.points()).extracting(TimeSeries.Point::startS).containsExactly(0.0, 60.0);
    assertThat(s.points().get(1).endS()).isEqualTo(72.5);
    assertThat(s.points().get(0).busyMean()).isEqualTo(2.5);
    assertThat(s.points().get(1).agentsMax()).isEqualTo(6);
  }
}
