package io.gradesim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventQueueTest {

  @Test
  void eventsComeOutByTimeThenBySchedulingOrder() {
    EventQueue q = new EventQueue();
    SplittableRandom rng = new SplittableRandom(1);
    List<long[]> pushed = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      long t = rng.nextInt(50); // many ties
      q.push(t, i);
      pushed.add(new long[] {t, i});
    }
    long lastTime = -1;
    long lastPayload = -1;
    int count = 0;
    while (!q.isEmpty()) {
      q.poll();
      long t = q.polledTime();
      long p = q.polledPayload();
      assertThat(t).isGreaterThanOrEqualTo(lastTime);
      if (t == lastTime) {
        assertThat(p).as("ties in scheduling order").isGreaterThan(lastPayload);
      }
      lastTime = t;
      lastPayload = p;
      count++;
    }
    assertThat(count).isEqualTo(pushed.size());
  }

  @Test
  void packedPayloadsRoundTrip() {
    long p = Kind.pack(Kind.HARD_LIMIT, Kind.MAX_TARGET, -7);
    assertThat(Kind.kind(p)).isEqualTo(Kind.HARD_LIMIT);
    assertThat(Kind.target(p)).isEqualTo(Kind.MAX_TARGET);
    assertThat(Kind.token(p)).isEqualTo(-7);
  }
}
