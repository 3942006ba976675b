package io.gradesim.probes.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImageStoreTest {

  @Test
  void buildsABusyboxRootOnceAndReusesItByHash() throws Exception {
    ImageStore store = TestImages.fresh("reuse");
    Path root = store.rootfs();
    assertThat(root.getFileName().toString()).isEqualTo("rootfs-" + store.hash());
    assertThat(Files.readSymbolicLink(root.resolve("bin/sh"))).isEqualTo(Path.of("/bin/busybox"));
    assertThat(root.resolve("usr/bin/md5sum")).isSymbolicLink();
    assertThat(root.resolve("etc/os-release")).isRegularFile();
    long made = Files.getLastModifiedTime(root).toMillis();
    assertThat(TestImages.shared().rootfs().getFileName()).isEqualTo(root.getFileName());
    assertThat(store.rootfs()).isEqualTo(root);
    assertThat(Files.getLastModifiedTime(root).toMillis()).isEqualTo(made);
  }

  @Test
  void buildsByteIdenticalTarballsInSeparateStores() throws Exception {
    byte[] first = Files.readAllBytes(TestImages.fresh("tar-a").tarball());
    byte[] second = Files.readAllBytes(TestImages.fresh("tar-b").tarball());
    assertThat(first).isEqualTo(second);
  }

  @Test
  void packsAnInitramfsWithInitAndConsole() throws Exception {
    Path cpio = TestImages.shared().initramfs();
    String listing =
        new String(
            new ProcessBuilder("/bin/busybox", "cpio", "-t")
                .redirectInput(cpio.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start()
                .getInputStream()
                .readAllBytes());
    assertThat(listing.lines()).contains("init", "dev/console", "bin/busybox");
  }
}
