package io.gradesim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackDistributionTest {

  @Test
  void histogramQuantilesStayWithinATenthOfAPercentOfExactOnes(@TempDir Path tmp)
      throws IOException {
    Path dir = FixtureRuns.write(tmp, List.of(FixtureRuns.THREE.get(0)), 3).get(0);
    Path file = dir.resolve("submissions.csv");
    double[] exact;
    try (CSVParser csv =
        CSVParser.parse(
            file,
            java.nio.charset.StandardCharsets.UTF_8,
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      exact =
          csv.stream()
              .map(r -> r.get("feedback_s"))
              .filter(s -> !s.isEmpty())
              .mapToDouble(Double::parseDouble)
              .toArray();
    }
    FeedbackDistribution d = FeedbackDistribution.read(file, b -> {});
    assertThat(d.delivered()).isEqualTo(exact.length).isGreaterThan(2000);
    for (double q : new double[] {0.5, 0.9, 0.95, 0.99}) {
      double e = FixtureRuns.exactQuantile(exact, q);
      assertThat(d.feedbackAt(q)).as("q=%s", q).isCloseTo(e, within(e * 0.001 + 0.001));
    }
  }

  @Test
  void holdsAsMuchForManyRowsAsForTwoOfTheSameRange(@TempDir Path tmp) throws IOException {
    Path many = tmp.resolve("many.csv");
    java.util.Random rnd = new java.util.Random(11);
    try (java.io.Writer w = Files.newBufferedWriter(many)) {
      w.write("id,wait_s,feedback_s\ns0,0.0,0.001\ns1,3600.0,3600.0\n");
      for (int i = 2; i < 300_000; i++) {
        double wait = rnd.nextDouble() * 3000;
        w.write("s" + i + "," + wait + "," + (wait + 1 + rnd.nextDouble() * 100) + "\n");
      }
    }
    Path two = tmp.resolve("two.csv");
    Files.writeString(two, "id,wait_s,feedback_s\ns0,0.0,0.001\ns1,3600.0,3600.0\n");
    FeedbackDistribution d = FeedbackDistribution.read(many, b -> {});
    assertThat(d.delivered()).isEqualTo(300_000);
    assertThat(d.footprintBytes())
        .isEqualTo(FeedbackDistribution.read(two, b -> {}).footprintBytes())
        .isLessThan(Files.size(many) / 20);
  }

  @Test
  void drawsTheCdfWithAFixedNumberOfPointsWhateverTheRowCount() throws IOException {
    FeedbackDistribution d =
        FeedbackDistribution.read(Fixtures.resource("runs/runc-4x8/submissions.csv"), b -> {});
    double[] cdf = d.feedbackCdf();
    assertThat(cdf).hasSize(FeedbackDistribution.CDF_QUANTILES.length);
    assertThat(cdf[0]).isEqualTo(5.0);
    assertThat(cdf[cdf.length - 1]).isEqualTo(12.0);
    for (int i = 1; i < cdf.length; i++) {
      assertThat(cdf[i]).isGreaterThanOrEqualTo(cdf[i - 1]);
    }
  }

  @Test
  void countsRowsWithoutFeedbackApart() throws IOException {
    FeedbackDistribution d =
        FeedbackDistribution.read(Fixtures.resource("runs/runc-4x8/submissions.csv"), b -> {});
    assertThat(d.delivered()).isEqualTo(4);
    assertThat(d.withoutFeedback()).isEqualTo(1);
    assertThat(d.waitAt(1.0)).isEqualTo(3.25);
  }

  @Test
  void namesFileLineAndFieldOfABadNumber(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("submissions.csv");
    Files.writeString(f, "id,wait_s,feedback_s\na,0.5,1.0\nb,0.1,soon\n");
    assertThatThrownBy(() -> FeedbackDistribution.read(f, b -> {}))
        .isInstanceOf(IOException.class)
        .hasMessage(f + ": line 3: field feedback_s: not a number: 'soon'");
  }

  @Test
  void refusesAFileWithoutTheFeedbackColumn(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("submissions.csv");
    Files.writeString(f, "id,wait_s\na,0.5\n");
    assertThatThrownBy(() -> FeedbackDistribution.read(f, b -> {}))
        .hasMessageContaining("line 1: no column feedback_s");
  }

  @Test
  void drawsTheCdfInOneWalkAtTheValuesOfEachQuantileAskedAlone(@TempDir Path tmp)
      throws IOException {
    Path f = tmp.resolve("submissions.csv");
    java.util.Random rnd = new java.util.Random(5);
    StringBuilder rows = new StringBuilder("id,wait_s,feedback_s\n");
    for (int i = 0; i < 20_000; i++) {
      // A long-tailed mix with ties: many values share a bucket, a few lie far out.
      double feedback = i % 7 == 0 ? 2.5 : Math.exp(rnd.nextGaussian() * 1.5) * 3;
      rows.append('s')
          .append(i)
          .append(",0.0,")
          .append(String.format(java.util.Locale.ROOT, "%.6f", feedback));
      rows.append('\n');
    }
    Files.writeString(f, rows);
    for (Path file : List.of(f, Fixtures.resource("runs/runc-4x8/submissions.csv"))) {
      FeedbackDistribution d = FeedbackDistribution.read(file, b -> {});
      double[] cdf = d.feedbackCdf();
      for (int i = 0; i < cdf.length; i++) {
        double q = FeedbackDistribution.CDF_QUANTILES[i];
        assertThat(cdf[i]).as("%s at q=%s", file.getFileName(), q).isEqualTo(d.feedbackAt(q));
      }
    }
  }
}
