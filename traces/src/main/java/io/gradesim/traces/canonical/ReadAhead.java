package io.gradesim.traces.canonical;

import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.TraceFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Runs a row iterator on a daemon thread and hands its rows over in batches through a bounded queue
 * (at most {@code QUEUED} batches of {@code BATCH} rows ahead), so memory stays bounded. Rejections
 * travel in the batches and are passed to the caller's sink on the caller's thread, in order, so a
 * strict sink still stops the caller at the first bad row. The producer owns the input and closes
 * it when it stops.
 */
final class ReadAhead implements Iterator<Submission> {
  private static final int BATCH = 512;
  private static final int QUEUED = 4;

  /** The end of the rows, or the failure that ended them. */
  private record End(Throwable failure) {}

  private final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(QUEUED);
  private final RejectSink rejects;
  private final Thread producer;
  private volatile boolean closed;
  private List<Object> batch = List.of();
  private int index;
  private Submission next;
  private boolean ended;

  /** Starts reading the rows that {@code source} makes from a sink of rejections. */
  ReadAhead(
      Function<RejectSink, Iterator<Submission>> source, AutoCloseable input, RejectSink rejects) {
    this.rejects = rejects;
    this.producer = new Thread(() -> produce(source, input), "gradesim-trace-read-ahead");
    producer.setDaemon(true);
    producer.start();
  }

  private void produce(Function<RejectSink, Iterator<Submission>> source, AutoCloseable input) {
    List<List<Object>> filling = new ArrayList<>(1);
    filling.add(new ArrayList<>(BATCH));
    try {
      Iterator<Submission> rows = source.apply(e -> filling.get(0).add(e));
      while (!closed) {
        Object item;
        try {
          item = rows.hasNext() ? rows.next() : new End(null);
        } catch (RuntimeException | Error e) {
          item = new End(e);
        }
        List<Object> b = filling.get(0);
        b.add(item);
        if (item instanceof End) {
          queue.put(b);
          return;
        }
        if (b.size() >= BATCH) {
          queue.put(b);
          filling.set(0, new ArrayList<>(BATCH));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      // Out of memory between rows: the caller must not wait for ever on the queue.
      filling.clear();
      try {
        queue.put(List.of(new End(e)));
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
    } finally {
      try {
        input.close();
      } catch (Exception e) {
        // The reader is being abandoned; nothing is left to report the failure to.
      }
    }
  }

  @Override
  public boolean hasNext() {
    while (next == null && !ended) {
      if (index == batch.size()) {
        try {
          batch = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while reading a trace", e);
        }
        index = 0;
      }
      Object item = batch.get(index++);
      if (item instanceof Submission s) {
        next = s;
      } else if (item instanceof TraceFormatException e) {
        rejects.reject(e);
      } else {
        ended = true;
        Throwable failure = ((End) item).failure();
        if (failure instanceof Error error) {
          throw error;
        }
        if (failure != null) {
          throw (RuntimeException) failure;
        }
      }
    }
    return next != null;
  }

  @Override
  public Submission next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Submission s = next;
    next = null;
    return s;
  }

  /** Stops the producer and waits for it to release the input. */
  void close() {
    closed = true;
    producer.interrupt();
    try {
      producer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (producer.isAlive()) {
      throw new UncheckedIOException(new IOException("trace reader did not stop"));
    }
  }
}
