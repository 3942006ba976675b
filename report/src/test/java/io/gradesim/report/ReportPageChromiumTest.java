package io.gradesim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders report.html built from three fixture runs and a profile in headless Chromium (Debian's
 * {@code chromium}), and checks that every chart is present, drawn and visible.
 */
class ReportPageChromiumTest {
  private static final int FIGURES = 3 + FixtureRuns.THREE.size(); // cdf, agents, stages + queues

  @TempDir static Path tmp;
  static Path chromium;
  static Path page;

  @BeforeAll
  static void buildReport() throws IOException {
    chromium = ExternalTool.require("chromium", "Debian package chromium");
    List<Path> runs = FixtureRuns.write(tmp.resolve("runs"), FixtureRuns.THREE, 7);
    page =
        CompareReport.read(
                runs,
                Optional.of(Fixtures.resource("profile.json")),
                new Verdict(60),
                CompareReportTest.quietBar())
            .writeTo(tmp.resolve("out"));
  }

  private static List<String> chromium(String... args) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + Files.createTempDirectory(tmp, "profile")));
    cmd.addAll(List.of(args));
    return cmd;
  }

  @Test
  void pageIsSelfContained() throws IOException {
    String html = Files.readString(page, StandardCharsets.UTF_8);
    assertThat(html)
        .doesNotContainIgnoringCase("<script")
        .doesNotContainPattern("(src|href)\\s*=\\s*\"(https?:)?//")
        .doesNotContain("url(http")
        .doesNotContain("<img");
  }

  @Test
  void everyChartIsInTheRenderedDomWithDrawnContent() throws Exception {
    ExternalTool.Result r =
        ExternalTool.run(chromium("--dump-dom", page.toUri().toString()), tmp, Map.of(), 120);
    assertThat(r.exit()).as(r.err()).isZero();
    String dom = r.out();
    Matcher fig =
        Pattern.compile("<figure id=\"fig-([a-z0-9-]+)\">(.*?)</figure>", Pattern.DOTALL)
            .matcher(dom);
    List<String> ids = new ArrayList<>();
    while (fig.find()) {
      ids.add(fig.group(1));
      String body = fig.group(2);
      assertThat(body).as(fig.group(1)).containsOnlyOnce("<svg").contains("<figcaption>");
      int shapes = count(body, "<path") + count(body, "<line") + count(body, "<rect");
      assertThat(shapes).as("shapes in %s", fig.group(1)).isGreaterThan(20);
      assertThat(count(body, "<text")).as("labels in %s", fig.group(1)).isGreaterThan(8);
    }
    assertThat(ids).hasSize(FIGURES).contains("cdf", "agents", "stages", "queue-0");
    assertThat(dom)
        .contains(
            "Feedback time: cumulative distribution",
            "Agents up and arrival " + "rate",
            "Container stage costs per runtime",
            "firecracker [literature]",
            "Verdict.");
  }

  @Test
  void screenshotShowsTheChartsInTheirColours() throws Exception {
    Path png = tmp.resolve("report.png");
    ExternalTool.Result r =
        ExternalTool.run(
            chromium("--screenshot=" + png, "--window-size=1000,4200", page.toUri().toString()),
            tmp,
            Map.of(),
            120);
    assertThat(r.exit()).as(r.err()).isZero();
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(1000);
    long nonWhite = 0;
    long[] palette = new long[3];
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y) & 0xFFFFFF;
        nonWhite += rgb != 0xFFFFFF ? 1 : 0;
        for (int i = 0; i < palette.length; i++) {
          palette[i] += near(rgb, ReportCharts.PALETTE[i].getRGB() & 0xFFFFFF) ? 1 : 0;
        }
      }
    }
    Path kept = Path.of("target", "report-test");
    Files.createDirectories(kept);
    Files.copy(png, kept.resolve("report.png"), StandardCopyOption.REPLACE_EXISTING);
    assertThat(nonWhite).isGreaterThan((long) img.getWidth() * img.getHeight() / 20);
    // Each of the first three scenarios' colours is drawn (lines, boxes): charts are visible.
    for (int i = 0; i < palette.length; i++) {
      assertThat(palette[i]).as("pixels in colour %d", i).isGreaterThan(300);
    }
  }

  private static boolean near(int a, int b) {
    return Math.abs((a >> 16) - (b >> 16)) < 24
        && Math.abs(((a >> 8) & 255) - ((b >> 8) & 255)) < 24
        && Math.abs((a & 255) - (b & 255)) < 24;
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
