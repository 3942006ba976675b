package io.gradesim.traces.format;

import io.gradesim.traces.Submission;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A pull-based iterator of submissions that an importer turns into a lazy, closable stream: the
 * subclass produces one submission per {@link #advance()} call, reading only as much input as that
 * needs.
 */
public abstract class LazySubmissions implements Iterator<Submission> {
  private Submission next;
  private boolean done;

  /** Reads on until the next submission and returns it, or null at the end of the input. */
  protected abstract Submission advance();

  @Override
  public final boolean hasNext() {
    if (next == null && !done) {
      next = advance();
      done = next == null;
    }
    return next != null;
  }

  @Override
  public final Submission next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Submission s = next;
    next = null;
    return s;
  }

  /** A sequential stream over this iterator that closes {@code input} when it is closed. */
  public final Stream<Submission> stream(Closeable input) {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(
            () -> {
              try {
                input.close();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }
}
