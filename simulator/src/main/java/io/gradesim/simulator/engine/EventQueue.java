package io.gradesim.simulator.engine;

import java.util.Arrays;

/**
 * The future event list: a binary min-heap ordered by (time, sequence number) over primitive
 * arrays, so scheduling allocates nothing. Each entry carries one {@code long} payload that the
 * engine packs (kind, target, token).
 */
final class EventQueue {
  private long[] time = new long[256];
  private long[] seq = new long[256];
  private long[] payload = new long[256];
  private int size;
  private long nextSeq;
  private long topTime;
  private long topPayload;

  /**
   * Schedules {@code payload} at virtual time {@code at}, after everything already at {@code at}.
   */
  void push(long at, long data) {
    if (size == time.length) {
      int n = size * 2;
      time = Arrays.copyOf(time, n);
      seq = Arrays.copyOf(seq, n);
      payload = Arrays.copyOf(payload, n);
    }
    long s = nextSeq++;
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      long pt = time[parent];
      if (pt < at || (pt == at && seq[parent] < s)) {
        break;
      }
      time[i] = pt;
      seq[i] = seq[parent];
      payload[i] = payload[parent];
      i = parent;
    }
    time[i] = at;
    seq[i] = s;
    payload[i] = data;
  }

  /** Whether no event is scheduled. */
  boolean isEmpty() {
    return size == 0;
  }

  /** The number of scheduled events (stale ones included). */
  int size() {
    return size;
  }

  /**
   * Removes the earliest event; read it with {@link #polledTime()} and {@link #polledPayload()}.
   */
  void poll() {
    topTime = time[0];
    topPayload = payload[0];
    int n = --size;
    long t = time[n];
    long s = seq[n];
    long p = payload[n];
    int i = 0;
    int half = n >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < n
          && (time[right] < time[child]
              || (time[right] == time[child] && seq[right] < seq[child]))) {
        child = right;
      }
      long ct = time[child];
      if (t < ct || (t == ct && s < seq[child])) {
        break;
      }
      time[i] = ct;
      seq[i] = seq[child];
      payload[i] = payload[child];
      i = child;
    }
    time[i] = t;
    seq[i] = s;
    payload[i] = p;
  }

  /** The time of the event last polled. */
  long polledTime() {
    return topTime;
  }

  /** The payload of the event last polled. */
  long polledPayload() {
    return topPayload;
  }
}
