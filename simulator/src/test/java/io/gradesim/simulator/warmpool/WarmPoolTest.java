package io.gradesim.simulator.warmpool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Warm containers are taken once, refilled, and forgotten with their agent. */
class WarmPoolTest {
  final WarmPool pool =
      new WarmPool(
          new WarmPoolSettings(2, List.of("docker/default", "docker/java"), true, true), 3);

  @Test
  void aTakenContainerIsGoneUntilARefillEnds() {
    pool.fillAtOnce(1);
    assertThat(pool.take(1, 0)).isTrue();
    assertThat(pool.take(1, 0)).isTrue();
    assertThat(pool.take(1, 0)).isFalse();
    assertThat(pool.missing(1, 0)).isEqualTo(2);
    int id = pool.beginRefill(1, 0, 7);
    assertThat(pool.missing(1, 0)).isEqualTo(1);
    assertThat(pool.ready(1, 1)).isEqualTo(2);
    pool.endRefill(id, true);
    assertThat(pool.ready(1, 0)).isEqualTo(1);
    assertThat(pool.taken()).isEqualTo(2);
    assertThat(pool.missed()).isEqualTo(1);
  }

  @Test
  void aResetAgentLosesItsContainersAndStaleRefillsAddNothing() {
    pool.fillAtOnce(0);
    int id = pool.beginRefill(0, 1, 1);
    pool.reset(0);
    pool.endRefill(id, false);
    assertThat(pool.ready(0, 0)).isZero();
    assertThat(pool.filling(0, 1)).isZero();
    assertThat(pool.beginRefill(0, 1, 2)).isEqualTo(id);
  }
}
