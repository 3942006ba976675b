package io.gradesim.simulator.output;

import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEventListener;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Times the output fold apart from the code that produces its events: events are buffered in chunks
 * and each chunk is folded between two clock readings (wall and thread CPU time), so the benchmark
 * measures {@link RunOutputWriter} alone.
 */
public final class FoldTimer implements SimEventListener {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final RunOutputWriter writer;
  private final SimEvent[] chunk = new SimEvent[1 << 14];
  private int size;
  private long wallNanos;
  private long cpuNanos;

  public FoldTimer(RunOutputWriter writer) {
    this.writer = writer;
  }

  @Override
  public void on(SimEvent event) {
    chunk[size++] = event;
    if (size == chunk.length) {
      foldChunk();
    }
  }

  /** Folds what is buffered and finishes the run, timed like the rest. */
  public void finish() throws IOException {
    foldChunk();
    long wall = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    writer.finish();
    cpuNanos += THREADS.getCurrentThreadCpuTime() - cpu;
    wallNanos += System.nanoTime() - wall;
  }

  /** Wall time spent folding, in nanoseconds. */
  public long wallNanos() {
    return wallNanos;
  }

  /** CPU time of this thread spent folding, in nanoseconds. */
  public long cpuNanos() {
    return cpuNanos;
  }

  private void foldChunk() {
    long wall = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < size; i++) {
      writer.on(chunk[i]);
      chunk[i] = null;
    }
    cpuNanos += THREADS.getCurrentThreadCpuTime() - cpu;
    wallNanos += System.nanoTime() - wall;
    size = 0;
  }
}
