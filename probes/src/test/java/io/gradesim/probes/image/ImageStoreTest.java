package io.gradesim.probes.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {

  @Test
  void buildsABusyboxRootOnceAndReusesItByHash(@TempDir Path dir) throws Exception {
    ImageStore store = new ImageStore(dir);
    Path root = store.rootfs();
    assertThat(root.getFileName().toString()).isEqualTo("rootfs-" + store.hash());
    assertThat(Files.readSymbolicLink(root.resolve("bin/sh"))).isEqualTo(Path.of("/bin/busybox"));
    assertThat(root.resolve("usr/bin/md5sum")).isSymbolicLink();
    assertThat(root.resolve("etc/os-release")).isRegularFile();
    long made = Files.getLastModifiedTime(root).toMillis();
    assertThat(new ImageStore(dir).rootfs()).isEqualTo(root);
    assertThat(Files.getLastModifiedTime(root).toMillis()).isEqualTo(made);
  }

  @Test
  void buildsByteIdenticalTarballsInSeparateStores(@TempDir Path a, @TempDir Path b)
      throws Exception {
    byte[] first = Files.readAllBytes(new ImageStore(a).tarball());
    byte[] second = Files.readAllBytes(new ImageStore(b).tarball());
    assertThat(first).isEqualTo(second);
  }

  @Test
  void packsAnInitramfsWithInitAndConsole(@TempDir Path dir) throws Exception {
    Path cpio = new ImageStore(dir).initramfs();
    String listing = new String(new ProcessBuilder("/bin/busybox", "cpio", "-t")
        .redirectInput(cpio.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start()
        .getInputStream().readAllBytes());
    assertThat(listing.lines()).contains("init", "dev/console", "bin/busybox");
  }
}
