package io.gradesim.traces.sort;

import io.gradesim.files.PartialFiles;
import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalTraceReader;
import io.gradesim.traces.canonical.CanonicalTraceWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * Sorts submissions by {@code submitted_at} without holding the whole trace: rows are buffered in
 * chunks of a bounded size; a full chunk is sorted and spilled to a temporary canonical file (a
 * run), and the runs are merged at the end. Input that fits one chunk never touches the disk. The
 * sort is stable (ties keep their input order), so the output is deterministic. The runs live in a
 * temporary folder {@code .gradesim-sort-<pid>-<n>} that {@link #close()} removes (a killed JVM's
 * folder is swept by the next import into the same place, see {@link PartialFiles}).
 */
public final class ExternalSorter implements AutoCloseable {
  /** Rows per chunk by default: about 40 MB of heap. */
  public static final int DEFAULT_CHUNK_ROWS = 100_000;

  private static final Comparator<Submission> BY_ARRIVAL =
      Comparator.comparing(Submission::submittedAt);

  private final Path tempParent;
  private final int chunkRows;
  private final List<Submission> chunk = new ArrayList<>();
  private final List<Path> runs = new ArrayList<>();
  private Path tempDir;
  private long inversions;
  private Submission last;

  /** A sorter that spills runs into a temporary folder created under {@code tempParent}. */
  public ExternalSorter(Path tempParent, int chunkRows) {
    if (chunkRows < 1) {
      throw new IllegalArgumentException("chunk size must be positive: " + chunkRows);
    }
    this.tempParent = tempParent;
    this.chunkRows = chunkRows;
  }

  /** Adds one row. */
  public void add(Submission s) throws IOException {
    if (last != null && s.submittedAt().isBefore(last.submittedAt())) {
      inversions++;
    }
    last = s;
    chunk.add(s);
    if (chunk.size() >= chunkRows) {
      spill();
    }
  }

  /** How many rows arrived earlier than the row before them. */
  public long inversions() {
    return inversions;
  }

  /** How many runs were spilled to disk. */
  public int runs() {
    return runs.size();
  }

  /** Writes every row added so far, in order, to {@code out}. */
  public void writeTo(CanonicalTraceWriter out) throws IOException {
    if (runs.isEmpty()) {
      chunk.sort(BY_ARRIVAL);
      for (Submission s : chunk) {
        out.write(s);
      }
      chunk.clear();
      return;
    }
    if (!chunk.isEmpty()) {
      spill();
    }
    merge(out);
  }

  private void spill() throws IOException {
    chunk.sort(BY_ARRIVAL);
    if (tempDir == null) {
      tempDir = PartialFiles.createDirectory(tempParent, "sort");
    }
    Path run = tempDir.resolve("run-" + runs.size() + ".csv");
    try (CanonicalTraceWriter w = new CanonicalTraceWriter(run)) {
      for (Submission s : chunk) {
        w.write(s);
      }
      w.commit();
    }
    runs.add(run);
    chunk.clear();
  }

  /** A k-way merge; ties go to the earlier run, which keeps the sort stable. */
  private void merge(CanonicalTraceWriter out) throws IOException {
    record Head(Submission row, int run) {}
    List<Stream<Submission>> streams = new ArrayList<>();
    try {
      List<Iterator<Submission>> its = new ArrayList<>();
      PriorityQueue<Head> heap =
          new PriorityQueue<>(
              Comparator.comparing((Head h) -> h.row().submittedAt()).thenComparingInt(Head::run));
      for (int i = 0; i < runs.size(); i++) {
        Stream<Submission> s = CanonicalTraceReader.readSequential(runs.get(i), RejectSink.STRICT);
        streams.add(s);
        Iterator<Submission> it = s.iterator();
        its.add(it);
        if (it.hasNext()) {
          heap.add(new Head(it.next(), i));
        }
      }
      while (!heap.isEmpty()) {
        Head h = heap.poll();
        out.write(h.row());
        Iterator<Submission> it = its.get(h.run());
        if (it.hasNext()) {
          heap.add(new Head(it.next(), h.run()));
        }
      }
    } finally {
      for (Stream<Submission> s : streams) {
        s.close();
      }
    }
  }

  /** Removes the temporary runs. */
  @Override
  public void close() throws IOException {
    chunk.clear();
    if (tempDir == null) {
      return;
    }
    PartialFiles.delete(tempDir);
    tempDir = null;
  }
}
