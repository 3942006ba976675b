package io.gradesim.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {
  @TempDir Path dir;

  @Test
  void writesWhatTheBodyWritesAndLeavesNoTemporary() throws Exception {
    Path f = AtomicWrite.write(dir.resolve("sub/out.csv"), w -> w.write("a,b\n1,2\n"));
    assertThat(Files.readString(f)).isEqualTo("a,b\n1,2\n");
    try (var s = Files.list(f.getParent())) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out.csv");
    }
  }

  @Test
  void aFailingBodyLeavesTheOldFileAndNoTemporary() throws Exception {
    Path f = Files.writeString(dir.resolve("out.csv"), "old\n");
    assertThatThrownBy(
            () ->
                AtomicWrite.write(
                    f,
                    w -> {
                      w.write("half");
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(Files.readString(f)).isEqualTo("old\n");
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out.csv");
    }
  }
}
