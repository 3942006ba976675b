package io.gradesim.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The id set behind duplicate detection: exact despite hash collisions, across growth. */
class SeenIdsTest {

  @Test
  @Tag("hostile-7")
  void findsTheFirstLineOfADuplicateAmongManyIds() {
    Map<Long, String> byLine = new HashMap<>();
    SeenIds ids = new SeenIds(byLine::get);
    for (long line = 1; line <= 100_000; line++) {
      byLine.put(line, "s" + line);
      assertThat(ids.firstLine("s" + line, line)).isZero();
    }
    assertThat(ids.firstLine("s77", 100_001)).isEqualTo(77);
    assertThat(ids.firstLine("s100000", 100_002)).isEqualTo(100_000);
    assertThat(ids.firstLine("new", 100_003)).isZero();
  }

  @Test
  @Tag("hostile-7")
  void aHashCollisionIsNotADuplicateButARepeatAfterItIs() {
    Map<Long, String> byLine = new HashMap<>(Map.of(1L, "a", 2L, "b", 3L, "b", 4L, "a"));
    SeenIds ids = new SeenIds(s -> 42L, byLine::get); // every id collides
    assertThat(ids.firstLine("a", 1)).isZero();
    assertThat(ids.firstLine("b", 2)).as("same hash, other id").isZero();
    assertThat(ids.firstLine("b", 3)).as("b again").isEqualTo(2);
    assertThat(ids.firstLine("a", 4)).as("a again").isEqualTo(1);
  }
}
