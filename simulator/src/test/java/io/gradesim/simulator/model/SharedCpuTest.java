package io.gradesim.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedCpuTest {
  private final Map<Integer, Long> finish = new HashMap<>();
  private final SharedCpu cpu = new SharedCpu(2, finish::put);

  @Test
  void jobsWithinTheCoresRunAtFullSpeed() {
    cpu.add(0, 1, 4_000_000);
    cpu.add(1_000_000, 2, 2_000_000);
    assertThat(finish).containsEntry(1, 4_000_000L).containsEntry(2, 3_000_000L);
  }

  @Test
  void moreJobsThanCoresShareThemAndSpeedUpWhenOneLeaves() {
    cpu.add(0, 1, 3_000_000);
    cpu.add(0, 2, 3_000_000);
    cpu.add(0, 3, 3_000_000);
    // three jobs on two cores: each at 2/3 speed, 3 s of work takes 4.5 s
    assertThat(finish).containsEntry(1, 4_500_000L).containsEntry(3, 4_500_000L);
    cpu.remove(1_500_000, 3); // killed after 1.5 s: 1 s of work done by each
    // the two left have 2 s of work at full speed
    assertThat(finish).containsEntry(1, 3_500_000L).containsEntry(2, 3_500_000L);
  }

  @Test
  void totalWorkIsConservedUnderSharing() {
    for (int j = 0; j < 5; j++) {
      cpu.add(0, j, 1_000_000 * (j + 1));
    }
    // 15 s of work on 2 cores: both busy until the 4 s job ends at 7 s, then the 5 s job runs
    // alone for its last second: processor sharing ends the last job at 8 s
    long last = 0;
    for (int step = 0; step < 5; step++) {
      int next = finish.entrySet().stream().min(Map.Entry.comparingByValue()).get().getKey();
      long at = finish.remove(next);
      last = at;
      cpu.remove(at, next);
    }
    assertThat(last).isBetween(8_000_000L, 8_000_005L);
  }

  @Test
  void weightedWorkRunsAtItsWeightAloneAndSharesByWeight() {
    // half a core's work alone on two cores: 0.1 s of CPU takes 0.2 s
    cpu.add(0, 1, 100_000, 500);
    assertThat(finish).containsEntry(1, 200_000L);
    // two grading jobs join: weights 0.5 + 1 + 1 = 2.5 on 2 cores, each at 0.8 of its weight
    cpu.add(0, 2, 1_000_000);
    cpu.add(0, 3, 1_000_000);
    assertThat(finish).containsEntry(1, 250_000L).containsEntry(2, 1_250_000L);
    cpu.remove(250_000, 1);
    // 0.2 s of work done by each grading job at 0.8 speed; 0.8 s left at full speed
    assertThat(finish).containsEntry(2, 1_050_000L).containsEntry(3, 1_050_000L);
  }

  @Test
  void backgroundWorkTakesItsShareOnlyWhenTheCoresAreOverSubscribed() {
    Map<Integer, Long> done = new HashMap<>();
    SharedCpu one = new SharedCpu(1, 250, done::put);
    one.add(0, 1, 1_000_000); // 1 + 0.25 on one core: 0.8 speed
    assertThat(done).containsEntry(1, 1_250_000L);
    SharedCpu two = new SharedCpu(2, 500, done::put);
    two.add(0, 2, 1_000_000); // 1 + 0.5 fit on two cores: full speed
    assertThat(done).containsEntry(2, 1_000_000L);
    two.clear();
    two.add(0, 3, 1_000_000);
    two.add(0, 4, 1_000_000); // 2.5 on 2 cores: 0.8 speed
    assertThat(done).containsEntry(3, 1_250_000L).containsEntry(4, 1_250_000L);
  }
}
