package io.gradesim.probes.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImageCacheListingTest {

  @Test
  void listsWhatWasBuiltAndPruneEmptiesTheCacheButKeepsALiveBuild() throws Exception {
    ImageStore store = TestImages.fresh("prune");
    store.tarball();
    Path live = store.dir().resolve(".tmp-rootfs-" + ProcessHandle.current().pid() + "-1");
    Path dead = store.dir().resolve(".tmp-rootfs-999999999-1");
    Files.createDirectories(live);
    Files.createDirectories(dead.resolve("x"));
    assertThat(store.entries())
        .extracting(ImageStore.Entry::name)
        .containsExactly("rootfs-" + store.hash(), "rootfs-" + store.hash() + ".tar");
    assertThat(store.entries()).allMatch(e -> e.bytes() > 0);
    var removed = store.prune();
    assertThat(removed).extracting(ImageStore.Entry::name).contains(dead.getFileName().toString());
    assertThat(store.entries()).isEmpty();
    assertThat(live).isDirectory();
    assertThat(dead).doesNotExist();
  }

  @Test
  void debootstrappedImagesAreNamedByTheirRecipeAndDifferFromEachOther() throws Exception {
    ImageStore store = TestImages.fresh("names");
    String minbase = store.select(Image.MINBASE).hash();
    String grading = store.select(Image.GRADING).hash();
    assertThat(minbase).hasSize(16).isNotEqualTo(grading);
    assertThat(store.select(Image.MINBASE).hash()).isEqualTo(minbase);
    assertThat(store.select(Image.BUSYBOX)).isSameAs(store);
  }
}
