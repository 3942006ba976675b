package io.gradesim.simulator.engine;

/**
 * The kinds of scheduled engine events and the packing of an event's payload into one {@code long}:
 * token (32 bits) | kind (5 bits) | target (27 bits: a job or an agent id). A token lets the engine
 * drop an event made stale by a reschedule or an agent failure.
 */
final class Kind {
  static final int ARRIVAL = 0;
  static final int BACKEND_RECEIVE = 1;
  static final int AGENT_RECEIVE = 2;
  static final int STAGE_DONE = 3;
  static final int GRADE_DONE = 4;
  static final int HARD_LIMIT = 5;
  static final int BACKEND_DONE = 6;
  static final int DELIVER = 7;
  static final int AGENT_FAIL = 8;
  static final int AGENT_DETECT = 9;
  static final int AGENT_REPAIR = 10;
  static final int AUTOSCALE_TICK = 11;
  static final int AGENT_PROVISIONED = 12;
  static final int WARM_STAGE_DONE = 13;
  static final int RETRY = 14;

  static final int TARGET_BITS = 27;
  static final int MAX_TARGET = (1 << TARGET_BITS) - 1;

  private Kind() {}

  static long pack(int kind, int target, int token) {
    if (target > MAX_TARGET) {
      throw new IllegalStateException("more than " + MAX_TARGET + " submissions in flight");
    }
    return ((long) token << 32) | ((long) kind << TARGET_BITS) | target;
  }

  static int kind(long payload) {
    return (int) (payload >>> TARGET_BITS) & 0x1f;
  }

  static int target(long payload) {
    return (int) payload & MAX_TARGET;
  }

  static int token(long payload) {
    return (int) (payload >>> 32);
  }
}
