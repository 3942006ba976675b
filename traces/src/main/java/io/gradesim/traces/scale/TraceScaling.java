package io.gradesim.traces.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gradesim.files.AtomicWrite;
import io.gradesim.files.InputFiles;
import io.gradesim.files.OutputGuard;
import io.gradesim.files.PartialFiles;
import io.gradesim.files.Sha256;
import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalTraceReader;
import io.gradesim.traces.canonical.CanonicalTraceWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Load growth as a trace transform: a canonical trace scaled by a load factor or to a number of
 * students, deterministically for a seed (see {@link ScaledTrace}), written as a canonical trace
 * with its provenance in {@code OUT.provenance.json} beside it (the canonical reader takes only a
 * header row, so the provenance cannot go in the file itself).
 */
public final class TraceScaling {
  /** The jitter a clone's session is shifted within unless told otherwise: five minutes. */
  public static final long DEFAULT_JITTER_MS = 5 * 60_000L;

  /** The suffix of the provenance file written beside a scaled trace. */
  public static final String PROVENANCE_SUFFIX = ".provenance.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** What one scaling read and wrote. */
  public record Result(
      long sourceSubmissions,
      long submissions,
      int sourceStudents,
      int students,
      String sourceSha256,
      Path provenance) {}

  private TraceScaling() {}

  /** Scales {@code in} by load {@code factor} (2 doubles, 0.5 halves) into {@code out}. */
  public static Result scaleLoad(Path in, double factor, long seed, Path out) throws IOException {
    return scale(in, new ScaleTarget.Load(factor), seed, DEFAULT_JITTER_MS, out);
  }

  /** Scales {@code in} to {@code students} students into {@code out}. */
  public static Result scaleStudents(Path in, int students, long seed, Path out)
      throws IOException {
    return scale(in, new ScaleTarget.Students(students), seed, DEFAULT_JITTER_MS, out);
  }

  /** The provenance file of the scaled trace {@code out}. */
  public static Path provenanceOf(Path out) {
    return out.resolveSibling(out.getFileName() + PROVENANCE_SUFFIX);
  }

  /**
   * Scales {@code in} towards {@code target} with clones shifted within {@code jitterMs}; refuses
   * an {@code out} (or its provenance file) that is the input, and fails on the first bad row.
   */
  public static Result scale(Path in, ScaleTarget target, long seed, long jitterMs, Path out)
      throws IOException {
    if (jitterMs < 0) {
      throw new IllegalArgumentException("--jitter: must not be negative");
    }
    Path provenance = provenanceOf(out);
    InputFiles.requireFile("IN", in);
    new OutputGuard().input("IN", in).file("--out", out).file("--out", provenance).check();
    String sha = Sha256.ofFile(in);
    List<Submission> rows;
    try (Stream<Submission> s = CanonicalTraceReader.read(in, RejectSink.STRICT)) {
      rows = s.toList();
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(in + ": the trace has no submissions to scale");
    }
    List<Submission> scaled = ScaledTrace.of(rows, target, seed, jitterMs);
    PartialFiles.sweep(out.toAbsolutePath().getParent());
    try (CanonicalTraceWriter w = new CanonicalTraceWriter(out)) {
      for (Submission s : scaled) {
        w.write(s);
      }
      w.commit();
    }
    Result result =
        new Result(rows.size(), scaled.size(), students(rows), students(scaled), sha, provenance);
    AtomicWrite.writeString(provenance, provenanceJson(in, target, seed, jitterMs, result));
    return result;
  }

  private static String provenanceJson(
      Path in, ScaleTarget target, long seed, long jitterMs, Result r) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("transform", "scale");
    root.put("source", in.getFileName().toString());
    root.put("source_sha256", r.sourceSha256());
    if (target instanceof ScaleTarget.Load load) {
      root.put("load_factor", load.factor());
    } else {
      root.put("students_target", ((ScaleTarget.Students) target).count());
    }
    root.put("seed", seed);
    root.put("jitter_ms", jitterMs);
    root.put("source_submissions", r.sourceSubmissions());
    root.put("submissions", r.submissions());
    root.put("source_students", r.sourceStudents());
    root.put("students", r.students());
    return JSON.writeValueAsString(root) + "\n";
  }

  private static int students(List<Submission> rows) {
    Set<String> users = new HashSet<>();
    for (Submission s : rows) {
      users.addAll(s.users());
    }
    return users.size();
  }
}
