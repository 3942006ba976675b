package io.gradesim.simulator.model;

import java.util.Arrays;

/**
 * The backend's ordered list of free slots ({@code _available_agents} in {@code
 * inginious/backend/backend.py}): an agent's hello appends its slots, a finished job appends its
 * slot at the end, dispatch walks the list from the front, and a lost agent's slots are removed. A
 * doubly linked list over slot ids makes every operation O(1).
 */
public final class FreeSlotList {
  private static final int NIL = -1;

  private int[] next = new int[16];
  private int[] prev = new int[16];
  private boolean[] member = new boolean[16];
  private int head = NIL;
  private int tail = NIL;
  private int size;

  /** Appends free slot {@code slot} (a global slot id) at the end. */
  public void append(int slot) {
    ensure(slot);
    if (member[slot]) {
      throw new IllegalStateException("slot " + slot + " is already free");
    }
    member[slot] = true;
    prev[slot] = tail;
    next[slot] = NIL;
    if (tail == NIL) {
      head = slot;
    } else {
      next[tail] = slot;
    }
    tail = slot;
    size++;
  }

  /** Removes {@code slot} if it is in the list; returns whether it was. */
  public boolean remove(int slot) {
    if (slot >= member.length || !member[slot]) {
      return false;
    }
    member[slot] = false;
    int p = prev[slot];
    int n = next[slot];
    if (p == NIL) {
      head = n;
    } else {
      next[p] = n;
    }
    if (n == NIL) {
      tail = p;
    } else {
      prev[n] = p;
    }
    size--;
    return true;
  }

  /** The first free slot, or -1. */
  public int first() {
    return head;
  }

  /** The free slot after {@code slot}, or -1 (read it before removing {@code slot}). */
  public int next(int slot) {
    return next[slot];
  }

  /** Whether {@code slot} is free. */
  public boolean contains(int slot) {
    return slot < member.length && member[slot];
  }

  /** The number of free slots. */
  public int size() {
    return size;
  }

  private void ensure(int slot) {
    if (slot >= next.length) {
      int n = Math.max(slot + 1, next.length * 2);
      next = Arrays.copyOf(next, n);
      prev = Arrays.copyOf(prev, n);
      member = Arrays.copyOf(member, n);
    }
  }
}
