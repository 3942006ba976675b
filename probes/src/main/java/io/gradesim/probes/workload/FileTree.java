package io.gradesim.probes.workload;

import io.gradesim.probes.runtime.HostCommand;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * The thesis' IO files ({@code resources/common/io/create-io.sh}): {@code files/1.txt} to {@code
 * files/N.txt}, each one line of 4,095 letters and digits and a newline (4,096 bytes), drawn from a
 * fixed seed instead of {@code /dev/urandom}; and {@code files.tar} of that folder, byte-identical
 * from build to build (sorted, mtime 0, numeric owner 0).
 */
final class FileTree {
  /** Bytes per file, newline included. */
  static final int FILE_BYTES = 4096;

  private static final long SEED = 20200601L;
  private static final byte[] ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".getBytes();

  private FileTree() {}

  /** Writes {@code dir/files/} and {@code dir/files.tar} for {@code size}. */
  static void build(Path dir, WorkloadSize size) throws IOException {
    Path files = Files.createDirectories(dir.resolve("files"));
    Random random = new Random(SEED);
    byte[] line = new byte[FILE_BYTES];
    line[FILE_BYTES - 1] = '\n';
    for (int i = 1; i <= size.files(); i++) {
      for (int b = 0; b < FILE_BYTES - 1; b++) {
        line[b] = ALPHABET[random.nextInt(ALPHABET.length)];
      }
      try (OutputStream out = Files.newOutputStream(files.resolve(i + ".txt"))) {
        out.write(line);
      }
    }
    HostCommand.check(List.of("chmod", "-R", "u=rwX,go=rX", files.toString()));
    HostCommand.check(
        List.of(
            "tar",
            "--numeric-owner",
            "--owner=0",
            "--group=0",
            "--sort=name",
            "--mtime=@0",
            "-C",
            dir.toString(),
            "-cf",
            dir.resolve("files.tar").toString(),
            "files"));
  }
}
