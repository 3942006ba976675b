package io.gradesim.calibration.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue groups 7 and 8: a profile with a bad value, or bad JSON, is refused with the JSON line of
 * the value and the field, instead of running with it.
 */
class ProfileValidationTest {
  /** A valid profile; line 9 holds the stage, 10 the concurrency, 14 mu and 15 sigma. */
  static final String VALID =
      String.join(
          "\n",
          "{",
          "  \"schema\" : \"gradesim-calibration-profile\",",
          "  \"version\" : 1,",
          "  \"rows\" : [ {",
          "    \"runtime\" : \"process\",",
          "    \"payload\" : \"true\",",
          "    \"source\" : \"measured\",",
          "    \"n\" : 10,",
          "    \"stage\" : \"create\",",
          "    \"concurrency\" : 1,",
          "    \"fit\" : {",
          "      \"family\" : \"lognormal\",",
          "      \"params\" : {",
          "        \"mu\" : 4.6,",
          "        \"sigma\" : 0.3",
          "      }",
          "    }",
          "  } ]",
          "}",
          "");

  @TempDir Path dir;

  @Test
  void theValidProfileLoads() throws IOException {
    CalibrationProfile p = CalibrationProfile.load(write(VALID));
    assertThat(p.rows()).singleElement().extracting(StageCost::stage).isEqualTo("create");
  }

  @Test
  @Tag("hostile-7")
  @DisplayName("group 7: negative sigma or shape, concurrency 0 or -3, stage bogus are refused")
  void badValuesAreRefusedWithTheirLine() throws IOException {
    refused(
        VALID.replace("\"sigma\" : 0.3", "\"sigma\" : -0.3"),
        ":15: fit.params.sigma: must be positive, found -0.3");
    refused(
        VALID.replace("\"concurrency\" : 1", "\"concurrency\" : 0"),
        ":10: concurrency: must be a whole number of at least 1, found 0");
    refused(
        VALID.replace("\"concurrency\" : 1", "\"concurrency\" : -3"),
        ":10: concurrency: must be a whole number of at least 1, found -3");
    refused(
        VALID.replace("\"concurrency\" : 1", "\"concurrency\" : 1.5"),
        ":10: concurrency: must be a whole number of at least 1, found 1.5");
    refused(
        VALID.replace("\"create\"", "\"bogus\""),
        ":9: stage: expected one of create, start, exec, stop, remove, run, found \"bogus\"");
    refused(
        VALID
            .replace("\"lognormal\"", "\"gamma\"")
            .replace("\"mu\" : 4.6", "\"shape\" : -2")
            .replace("\"sigma\" : 0.3", "\"scale\" : 5"),
        ":14: fit.params.shape: must be positive, found -2");
    refused(VALID.replace("\"n\" : 10", "\"n\" : -1"), ":8: n: must be a whole number");
  }

  @Test
  @Tag("hostile-8")
  @DisplayName("group 8: a profile JSON syntax error names its line")
  void syntaxErrorsNameTheLine() throws IOException {
    refused(VALID.replace("\"n\" : 10,", "\"n\" : 10"), ":9: not a calibration profile:");
    refused(
        VALID.replace("\"concurrency\" : 1", "\"concurrency\" : \"one\""),
        ":10: concurrency: must be a whole number");
    refused(VALID.substring(0, VALID.indexOf("\"fit\"")), ":11: not a calibration profile:");
  }

  private void refused(String json, String expected) throws IOException {
    Path file = write(json);
    byte[] before = Files.readAllBytes(file);
    assertThatThrownBy(() -> CalibrationProfile.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(file + expected.substring(0, expected.indexOf(' ')))
        .hasMessageContaining(expected);
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  private Path write(String json) throws IOException {
    return Files.writeString(dir.resolve("profile.json"), json);
  }
}
