package io.gradesim.files.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  @Test
  void redrawsInPlaceOnATerminal() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressBar bar =
        new ProgressBar(
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            "replaying 2 scenarios",
            1000,
            true);
    bar.add(250);
    bar.add(1); // less than the half percent step: not redrawn
    bar.set(500);
    bar.finish();
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out.split("\r", -1)).hasSize(4);
    assertThat(out)
        .contains("\r[#######.......................]  25% replaying 2 scenarios")
        .contains("\r[###############...............]  50% replaying 2 scenarios")
        .endsWith(
            "\r[##############################] 100% replaying 2 scenarios"
                + System.lineSeparator());
  }

  @Test
  void printsOnlyTheFinalLineInALog() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressBar bar =
        new ProgressBar(
            new PrintStream(bytes, true, StandardCharsets.UTF_8), "reading 3 runs", 10, false);
    bar.add(4);
    bar.add(20); // clamped to the total
    bar.finish();
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo("[##############################] 100% reading 3 runs" + System.lineSeparator());
  }

  @Test
  void aShorterLabelBlanksWhatTheLongerOneLeft() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressBar bar =
        new ProgressBar(
            new PrintStream(bytes, true, StandardCharsets.UTF_8), "runc true c=1 warm-up", 4, true);
    bar.relabel("runc true c=1 warm-up");
    bar.relabel("crun");
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .endsWith(
            "\r[..............................]   0% crun"
                + " ".repeat("runc true c=1 warm-up".length() - "crun".length()));
  }
}
