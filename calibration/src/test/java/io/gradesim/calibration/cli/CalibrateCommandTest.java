package io.gradesim.calibration.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gradesim.calibration.model.CalibrationProfile;
import io.gradesim.calibration.model.StageCost;
import io.gradesim.calibration.model.StageCostSampler;
import io.gradesim.calibration.recording.TestRecording;
import io.gradesim.files.Sha256;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CalibrateCommandTest {

  @TempDir static Path shared;
  static Path recording;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void record() throws IOException {
    try (TestRecording r = new TestRecording()) {
      for (int i = 0; i < 3; i++) {
        r.stage("alpha", "create", "true", 1, i, true, true, 15);
      }
      for (int i = 0; i < 9; i++) {
        r.stage("alpha", "create", "true", 1, i, false, true, 2);
      }
      r.stage("alpha", "create", "true", 1, 9, false, false, 1);
      for (int i = 0; i < 7; i++) {
        r.stage("alpha", "start", "true", 1, i, false, true, 3);
        r.stage("alpha", "start", "true", 4, i, false, true, 6);
      }
      recording = r.dump(shared.resolve("probe.jfr"));
    }
  }

  /** Runs the command as the root command line does: user errors print one line, exit 2. */
  private int run(String... args) {
    CommandLine cl = new CommandLine(new CalibrateCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof IllegalArgumentException
              || e instanceof IOException
              || e instanceof UncheckedIOException) {
            cmd.getErr().println("gradesim: " + e.getMessage());
            return 2;
          }
          throw e;
        });
    return cl.execute(args);
  }

  @Test
  void calibratesARealRecordingLeavingOutWarmupsAndFailures(@TempDir Path dir) throws IOException {
    Path profileFile = dir.resolve("profile.json");
    int code =
        run(
            "--from",
            shared.toString(),
            "-o",
            profileFile.toString(),
            "--busy-threshold",
            "1",
            "--runtime-version",
            "alpha=1.2.3");
    assertThat(code).as(err.toString()).isZero();
    CalibrationProfile p = CalibrationProfile.load(profileFile);
    assertThat(p.recording().file()).isEqualTo("probe.jfr");
    assertThat(p.recording().stageEvents()).isEqualTo(27);
    assertThat(p.recording().warmupsSkipped()).isEqualTo(3);
    assertThat(p.recording().failedSkipped()).isEqualTo(1);
    assertThat(p.host().runtimeVersions()).containsEntry("alpha", "1.2.3");
    assertThat(p.host().recordedAt()).endsWith("Z");
    StageCost create = row(p, "alpha", "create", 1);
    assertThat(create.n()).isEqualTo(9);
    assertThat(create.source()).isEqualTo(StageCost.MEASURED);
    assertThat(create.recording()).isEqualTo("probe.jfr sha256:" + Sha256.ofFile(recording));
    assertThat(create.p50Us()).isCloseTo(rawMedianMicros("create", 1), within(0.001));
    assertThat(create.p50Us()).isGreaterThanOrEqualTo(1990.0).isLessThan(15_000.0);
    assertThat(row(p, "alpha", "start", 1).n()).isEqualTo(7);
    assertThat(row(p, "alpha", "start", 4).p50Us())
        .isCloseTo(rawMedianMicros("start", 4), within(0.001));
    assertThat(create.medianCi95Us()).hasSize(2);
    assertThat(create.fit().ksDistance()).containsKeys("lognormal", "gamma", "empirical");
    StageCostSampler sampler = new StageCostSampler(p);
    assertThat(sampler.source("alpha")).isEqualTo(StageCost.MEASURED);
    assertThat(sampler.source("firecracker")).isEqualTo(StageCost.LITERATURE);
    assertThat(out.toString()).contains("alpha", "literature");
  }

  @Test
  void sameRecordingGivesByteIdenticalProfiles(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    assertThat(run("--from", recording.toString(), "-o", a.toString())).isZero();
    assertThat(run("--from", recording.toString(), "-o", b.toString())).isZero();
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    assertThat(CalibrationProfile.load(a).toJson()).isEqualTo(Files.readString(a));
  }

  @Test
  void loadSourceHostOnARecordingWithoutHostLoadExitsTwoNamingTheFile(@TempDir Path dir) {
    Path out = dir.resolve("p.json");
    assertThat(run("--from", recording.toString(), "-o", out.toString(), "--load-source", "host"))
        .isEqualTo(2);
    assertThat(err.toString())
        .startsWith("gradesim: ")
        .contains(recording.toString(), "no gradesim.HostLoad events");
    assertThat(out).doesNotExist();
  }

  @Test
  void loadSourceAutoAndJvmNameTheCpuLoadEventsInTheProfile(@TempDir Path dir) throws IOException {
    for (String source : new String[] {"auto", "jvm"}) {
      Path out = dir.resolve(source + ".json");
      assertThat(run("--from", recording.toString(), "-o", out.toString(), "--load-source", source))
          .as(err.toString())
          .isZero();
      assertThat(CalibrationProfile.load(out).recording().loadSource()).isEqualTo("jdk.CPULoad");
      assertThat(Files.readString(out)).contains("\"load_source\" : \"jdk.CPULoad\"");
    }
    assertThat(this.out.toString()).contains("jdk.CPULoad");
  }

  @Test
  void unknownLoadSourceIsAUsageError(@TempDir Path dir) {
    Path out = dir.resolve("p.json");
    assertThat(run("--from", recording.toString(), "-o", out.toString(), "--load-source", "cpu"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--load-source", "auto, host or jvm");
    assertThat(out).doesNotExist();
  }

  @Test
  void missingRecordingExitsTwoNamingTheFile(@TempDir Path dir) {
    Path out = dir.resolve("p.json");
    assertThat(run("--from", dir.resolve("absent.jfr").toString(), "-o", out.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).startsWith("gradesim: ").contains("absent.jfr");
    assertThat(out).doesNotExist();
  }

  @Test
  void corruptRecordingExitsTwoAndWritesNothing(@TempDir Path dir) throws IOException {
    Path bad = Files.write(dir.resolve("probe.jfr"), new byte[] {'F', 'L', 'R', 0, 1, 2, 3});
    Path out = dir.resolve("p.json");
    assertThat(run("--from", bad.toString(), "-o", out.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(bad.toString());
    assertThat(out).doesNotExist();
  }

  @Test
  void recordingWithoutStageEventsExitsTwoNamingTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("probe.jfr");
    try (jdk.jfr.Recording r = new jdk.jfr.Recording()) {
      r.enable("jdk.CPULoad");
      r.start();
      r.stop();
      r.dump(file);
    }
    Path out = dir.resolve("p.json");
    assertThat(run("--from", dir.toString(), "-o", out.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(file.toString(), "no gradesim.Stage events");
    assertThat(out).doesNotExist();
  }

  private static StageCost row(CalibrationProfile p, String runtime, String stage, int c) {
    return p.rows().stream()
        .filter(r -> r.runtime().equals(runtime) && r.stage().equals(stage) && r.concurrency() == c)
        .findFirst()
        .orElseThrow();
  }

  /** Median of the kept durations, read straight from the file without the calibration code. */
  private static double rawMedianMicros(String stage, int concurrency) throws IOException {
    List<Double> xs = new ArrayList<>();
    for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
      if (e.getEventType().getName().equals("gradesim.Stage")
          && e.getString("stage").equals(stage)
          && e.getInt("concurrency") == concurrency
          && !e.getBoolean("warmup")
          && e.getBoolean("ok")) {
        xs.add(e.getDuration().toNanos() / 1000.0);
      }
    }
    xs.sort(null);
    int n = xs.size();
    return n % 2 == 1 ? xs.get(n / 2) : (xs.get(n / 2 - 1) + xs.get(n / 2)) / 2;
  }
}
