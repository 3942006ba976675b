package io.gradesim.probes.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.files.Sha256;
import io.gradesim.probes.image.ImageStore;
import io.gradesim.probes.image.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Payload files are a pure function of their recipe: the same name and bytes twice. */
class PayloadFilesTest {

  @Test
  void generatesTheSameFilesUnderTheSameHashTwice() throws Exception {
    for (PayloadFiles files :
        new PayloadFiles[] {
          new PayloadFiles(PayloadFiles.Kind.DB, WorkloadSize.SM),
          new PayloadFiles(PayloadFiles.Kind.IO, WorkloadSize.SM),
          new PayloadFiles(PayloadFiles.Kind.HTTP, null)
        }) {
      ImageStore a = TestImages.fresh("payload-a");
      ImageStore b = TestImages.fresh("payload-b");
      Path first = files.in(a);
      Path second = files.in(b);
      assertThat(first.getFileName()).isEqualTo(second.getFileName());
      assertThat(first.getFileName().toString()).matches("payload-[a-z]+(-sm)?-[0-9a-f]{16}");
      assertThat(contents(first)).isNotEmpty().isEqualTo(contents(second));
      // Cached: a second use neither rebuilds nor renames it, and prune removes it.
      assertThat(files.in(a)).isEqualTo(first);
      assertThat(a.prune()).extracting(ImageStore.Entry::name).contains(files.name());
      assertThat(first).doesNotExist();
    }
  }

  @Test
  void writesTheThesisSizesOfFilesAndTheCountsTheChecksExpect() throws Exception {
    ImageStore store = TestImages.fresh("payload-sizes");
    Path io = new PayloadFiles(PayloadFiles.Kind.IO, WorkloadSize.SM).in(store);
    try (Stream<Path> files = Files.list(io.resolve("files"))) {
      assertThat(files.toList())
          .hasSize(100)
          .allSatisfy(f -> assertThat(Files.size(f)).isEqualTo(4096));
    }
    assertThat(io.resolve("files.tar")).isRegularFile();
    assertThat(new PayloadFiles(PayloadFiles.Kind.IO, WorkloadSize.XS).name())
        .isNotEqualTo(new PayloadFiles(PayloadFiles.Kind.IO, WorkloadSize.SM).name());
    // sm holds the new orders only: 10 districts x 900.
    assertThat(TpccDatabase.expectedCounts(WorkloadSize.SM)).isEqualTo("0|0|0|0|9000|0|0|0|0");
    assertThat(TpccDatabase.expectedCounts(WorkloadSize.XL))
        .startsWith("1|10|30000|30000|9000|30000|")
        .endsWith("|100000|100000");
  }

  private static Map<String, String> contents(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), Sha256.ofFile(p));
      }
    }
    return out;
  }
}
