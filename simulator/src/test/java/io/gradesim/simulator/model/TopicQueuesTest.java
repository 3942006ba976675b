package io.gradesim.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicQueuesTest {

  @Test
  void replaysWaitBehindNewSubmissionsAndTiesGoByReception() {
    TopicQueues q = new TopicQueues();
    int t = q.addTopic();
    q.put(t, 1, 10); // a replay first
    q.put(t, 0, 11);
    q.put(t, 0, 12);
    q.put(t, 1, 13);
    int[] topics = {t};
    assertThat(
            new int[] {
              q.poll(topics, 1),
              q.poll(topics, 1),
              q.poll(topics, 1),
              q.poll(topics, 1),
              q.poll(topics, 1)
            })
        .containsExactly(11, 12, 10, 13, -1);
  }

  @Test
  void aGetOverSeveralTopicsTakesTheSmallestHead() {
    TopicQueues q = new TopicQueues();
    int a = q.addTopic();
    int b = q.addTopic();
    q.put(b, 0, 1);
    q.put(a, 0, 2);
    q.put(a, 0, 3);
    assertThat(q.poll(new int[] {a, b}, 2)).isEqualTo(1);
    assertThat(q.poll(new int[] {b}, 1)).isEqualTo(-1);
    assertThat(q.size()).isEqualTo(2);
    assertThat(q.poll(new int[] {a}, 1)).isEqualTo(2);
  }

  @Test
  void keepsHeapOrderOverManyJobs() {
    TopicQueues q = new TopicQueues();
    int t = q.addTopic();
    for (int i = 0; i < 1000; i++) {
      q.put(t, (i * 7919) % 3, i);
    }
    int last = -1;
    int lastPriority = -1;
    for (int i = 0; i < 1000; i++) {
      int job = q.poll(new int[] {t}, 1);
      int prio = (job * 7919) % 3;
      assertThat(prio).isGreaterThanOrEqualTo(lastPriority);
      if (prio == lastPriority) {
        assertThat(job).isGreaterThan(last);
      }
      last = job;
      lastPriority = prio;
    }
  }
}
