package io.gradesim.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreeSlotListTest {

  private static List<Integer> walk(FreeSlotList l) {
    List<Integer> out = new ArrayList<>();
    for (int s = l.first(); s >= 0; s = l.next(s)) {
      out.add(s);
    }
    return out;
  }

  @Test
  void aFreedSlotGoesToTheEnd() {
    FreeSlotList l = new FreeSlotList();
    for (int s = 0; s < 4; s++) {
      l.append(s);
    }
    l.remove(0);
    l.remove(2);
    l.append(0);
    assertThat(walk(l)).containsExactly(1, 3, 0);
    assertThat(l.size()).isEqualTo(3);
  }

  @Test
  void removingALostAgentsSlotsKeepsTheOthersInOrder() {
    FreeSlotList l = new FreeSlotList();
    for (int s = 0; s < 6; s++) {
      l.append(s);
    }
    for (int s = 2; s < 4; s++) {
      assertThat(l.remove(s)).isTrue();
    }
    assertThat(l.remove(3)).isFalse();
    assertThat(walk(l)).containsExactly(0, 1, 4, 5);
    assertThat(l.contains(2)).isFalse();
  }
}
