package io.gradesim.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartialFilesTest {
  @TempDir Path dir;

  @Test
  void namesCarryTheWritersPid() throws Exception {
    long pid = ProcessHandle.current().pid();
    Path f = PartialFiles.createFile(dir.resolve("x.csv"));
    Path d = PartialFiles.createDirectory(dir, "sort");
    assertThat(f.getFileName().toString())
        .startsWith(".x.csv.gradesim-" + pid + "-")
        .endsWith(".partial");
    assertThat(d.getFileName().toString()).startsWith(".gradesim-sort-" + pid + "-");
    assertThat(PartialFiles.owner(f.getFileName().toString())).hasValue(pid);
    assertThat(PartialFiles.owner(d.getFileName().toString())).hasValue(pid);
    assertThat(PartialFiles.owner("x.csv")).isEmpty();
    assertThat(PartialFiles.owner(".x.csv.gradesim-12x-3.partial")).isEmpty();
    assertThat(PartialFiles.sweep(dir)).as("this JVM's own files are not swept").isEmpty();
    PartialFiles.delete(f);
    PartialFiles.delete(d);
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void sweepsTheFilesOfADeadWriterOnly() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    long dead = gone.pid();
    Path file = Files.writeString(dir.resolve(".t.csv.gradesim-" + dead + "-1.partial"), "x");
    Path sort = Files.createDirectories(dir.resolve(".gradesim-sort-" + dead + "-2"));
    Files.writeString(sort.resolve("run-0.csv"), "x");
    Path mine = Files.writeString(dir.resolve("t.csv"), "keep");

    assertThat(PartialFiles.sweep(dir)).containsExactlyInAnyOrder(file, sort);
    assertThat(dir).isDirectoryContaining(p -> p.equals(mine));
    assertThat(Files.list(dir).count()).isEqualTo(1);
  }

  @Test
  void keepsTheFilesOfALiveJavaWriterUnlessItsPidWasReused() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process writer =
        new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), Holder.class.getName())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(r.readLine()).isEqualTo("holding");
      long pid = writer.pid();
      Path live = Files.writeString(dir.resolve(".t.csv.gradesim-" + pid + "-1.partial"), "x");
      Path stale = Files.writeString(dir.resolve(".u.csv.gradesim-" + pid + "-2.partial"), "x");
      // Written long before the process with this pid started: another, earlier writer's.
      Files.setLastModifiedTime(stale, FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));

      assertThat(PartialFiles.sweep(dir)).containsExactly(stale);
      assertThat(live).exists();
    } finally {
      writer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(PartialFiles.sweep(dir)).hasSize(1);
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void atomicWriteLeavesOnlyTheTarget() throws Exception {
    Path target = AtomicWrite.writeString(dir.resolve("a/p.json"), "{}\n");
    assertThat(target).hasContent("{}");
    assertThat(Files.list(target.getParent()).toList()).containsExactly(target);
  }

  /** A live Java process standing for a writer: says so, then waits for its stdin to close. */
  public static final class Holder {
    /** Prints a line and blocks. */
    public static void main(String[] args) throws Exception {
      System.out.println("holding");
      System.out.flush();
      System.in.read();
    }
  }
}
