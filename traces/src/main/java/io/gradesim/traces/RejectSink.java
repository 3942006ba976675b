package io.gradesim.traces;

/**
 * Receives the rows a reader rejects. A reader never drops a bad row silently: it hands it here and
 * goes on (or, with {@link #STRICT}, stops at the first one).
 */
@FunctionalInterface
public interface RejectSink {

  /** Fails on the first rejected row: the {@code --strict} behaviour. */
  RejectSink STRICT =
      e -> {
        throw e;
      };

  /** Takes one rejected row, described by its location and reason. */
  void reject(TraceFormatException rejection);
}
