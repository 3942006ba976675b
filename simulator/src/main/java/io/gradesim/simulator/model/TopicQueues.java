package io.gradesim.simulator.model;

import java.util.Arrays;

/**
 * The backend's waiting jobs: one min-heap per topic (environment type, environment id), ordered by
 * (priority, order of reception), as INGInious' {@code TopicPriorityQueue} in {@code
 * inginious/backend/topic_priority_queue.py}. A get over several topics returns the smallest head
 * among them. Heaps hold primitive keys and job ids: nothing is boxed.
 */
public final class TopicQueues {
  private static final int SEQ_BITS = 40;
  private static final long MAX_PRIORITY = (1L << (63 - SEQ_BITS)) - 1;

  private long[][] keys = new long[4][];
  private int[][] jobs = new int[4][];
  private int[] sizes = new int[4];
  private int topics;
  private long received;
  private long total;

  /** Adds an empty topic and returns its id (0, 1, ...). */
  public int addTopic() {
    if (topics == keys.length) {
      keys = Arrays.copyOf(keys, topics * 2);
      jobs = Arrays.copyOf(jobs, topics * 2);
      sizes = Arrays.copyOf(sizes, topics * 2);
    }
    keys[topics] = new long[16];
    jobs[topics] = new int[16];
    return topics++;
  }

  /** The number of topics. */
  public int topicCount() {
    return topics;
  }

  /** Queues {@code job} on {@code topic} behind every job of a smaller or equal priority. */
  public void put(int topic, int priority, int job) {
    if (priority < 0 || priority > MAX_PRIORITY) {
      throw new IllegalArgumentException("priority out of range: " + priority);
    }
    long key = ((long) priority << SEQ_BITS) | (received++ & ((1L << SEQ_BITS) - 1));
    int n = sizes[topic];
    if (n == keys[topic].length) {
      // By half, not double: a long queue's 12 bytes per job get at most a third of slack.
      keys[topic] = Arrays.copyOf(keys[topic], n + (n >> 1));
      jobs[topic] = Arrays.copyOf(jobs[topic], n + (n >> 1));
    }
    long[] k = keys[topic];
    int[] j = jobs[topic];
    int i = n;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (k[parent] <= key) {
        break;
      }
      k[i] = k[parent];
      j[i] = j[parent];
      i = parent;
    }
    k[i] = key;
    j[i] = job;
    sizes[topic] = n + 1;
    total++;
  }

  /** The number of jobs waiting over all topics. */
  public long size() {
    return total;
  }

  /** The number of jobs waiting on {@code topic}. */
  public int size(int topic) {
    return sizes[topic];
  }

  /** The job at the head of {@code topic} (the next it would give), or -1 when it is empty. */
  public int head(int topic) {
    return sizes[topic] == 0 ? -1 : jobs[topic][0];
  }

  /**
   * Removes and returns the job with the smallest key among the first {@code count} topics of
   * {@code among}, or -1 when they are all empty.
   */
  public int poll(int[] among, int count) {
    int best = -1;
    long bestKey = Long.MAX_VALUE;
    for (int i = 0; i < count; i++) {
      int t = among[i];
      if (sizes[t] > 0 && keys[t][0] < bestKey) {
        bestKey = keys[t][0];
        best = t;
      }
    }
    return best < 0 ? -1 : pollTopic(best);
  }

  private int pollTopic(int topic) {
    long[] k = keys[topic];
    int[] j = jobs[topic];
    int head = j[0];
    int n = --sizes[topic];
    total--;
    long key = k[n];
    int job = j[n];
    int i = 0;
    int half = n >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < n && k[right] < k[child]) {
        child = right;
      }
      if (key <= k[child]) {
        break;
      }
      k[i] = k[child];
      j[i] = j[child];
      i = child;
    }
    k[i] = key;
    j[i] = job;
    return head;
  }
}
