package io.gradesim.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
  @TempDir Path dir;

  @Test
  void hashesTheKnownVectors() {
    assertThat(Sha256.ofText(""))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(Sha256.ofText("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void aFileLongerThanOneBlockHashesLikeItsBytes() throws Exception {
    byte[] bytes = new byte[200_003];
    Arrays.fill(bytes, (byte) 'x');
    bytes[150_000] = 'y';
    Path f = Files.write(dir.resolve("big.bin"), bytes);
    assertThat(Sha256.ofFile(f)).isEqualTo(Sha256.of(bytes)).hasSize(64);
    Path abc = Files.write(dir.resolve("abc"), "abc".getBytes(StandardCharsets.UTF_8));
    assertThat(Sha256.ofFile(abc)).isEqualTo(Sha256.ofText("abc"));
  }
}
