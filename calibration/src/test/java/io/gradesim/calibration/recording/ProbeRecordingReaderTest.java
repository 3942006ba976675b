package io.gradesim.calibration.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradesim.files.Sha256;
import io.gradesim.probes.jfr.StageSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeRecordingReaderTest {

  @TempDir Path dir;

  @Test
  void readsStageEventsAndCpuLoadWindowsFromARealRecording() throws IOException {
    Path file;
    try (TestRecording r = new TestRecording()) {
      r.stage("runc", "create", "true", 1, 0, true, true, 1);
      r.stage("runc", "create", "true", 1, 1, false, true, 2);
      r.stage("runc", "start", "true", 2, 1, false, false, 1);
      TestRecording.idle(350);
      file = r.dump(dir.resolve("probe.jfr"));
    }
    ProbeRecording rec = ProbeRecordingReader.read(dir);
    assertThat(rec.file()).isEqualTo(file);
    assertThat(rec.samples()).hasSize(3);
    StageSample s = rec.samples().get(1);
    assertThat(s.runtime()).isEqualTo("runc");
    assertThat(s.stage()).isEqualTo("create");
    assertThat(s.warmup()).isFalse();
    assertThat(s.durationNs()).isGreaterThanOrEqualTo(1_900_000L);
    assertThat(rec.samples().get(2).ok()).isFalse();
    assertThat(rec.windows()).isNotEmpty();
    for (CpuLoadWindow w : rec.windows()) {
      assertThat(w.endNanos()).isGreaterThan(w.startNanos());
      assertThat(w.machineTotal()).isBetween(0.0, 1.0);
    }
    assertThat(rec.sha256()).hasSize(64).isEqualTo(Sha256.ofFile(file));
  }

  @Test
  void missingFileIsAnErrorNamingIt() {
    Path missing = dir.resolve("nope/probe.jfr");
    assertThatThrownBy(() -> ProbeRecordingReader.read(missing))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void corruptFileIsAnErrorNamingIt() throws IOException {
    Path bad = Files.writeString(dir.resolve("probe.jfr"), "this is not a flight recording");
    assertThatThrownBy(() -> ProbeRecordingReader.read(bad))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(bad.toString())
        .hasMessageContaining("not a readable JFR recording");
  }

  @Test
  void truncatedRecordingIsAnErrorNamingIt() throws IOException {
    Path good;
    try (TestRecording r = new TestRecording()) {
      r.stage("runc", "create", "true", 1, 0, false, true, 1);
      good = r.dump(dir.resolve("good.jfr"));
    }
    byte[] bytes = Files.readAllBytes(good);
    Path cut =
        Files.write(dir.resolve("cut.jfr"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> ProbeRecordingReader.read(cut)).hasMessageContaining(cut.toString());
  }

  @Test
  void recordingWithoutStageEventsIsAnErrorNamingIt() throws IOException {
    Path file = dir.resolve("other.jfr");
    try (Recording r = new Recording()) {
      r.enable("jdk.CPULoad");
      r.start();
      TestRecording.idle(50);
      r.stop();
      r.dump(file);
    }
    assertThatThrownBy(() -> ProbeRecordingReader.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("gradesim.Stage");
  }
}
