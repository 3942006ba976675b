package io.gradesim.traces;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One submission of a trace: a row of the canonical trace CSV (see DESIGN.md, "Canonical trace").
 *
 * <p>Optional columns are {@code null} when unknown. {@code users} holds pseudonymous ids.
 *
 * @param id unique submission id
 * @param submittedAt arrival at the frontend (UTC)
 * @param course course or contest id
 * @param task task or problem id
 * @param users submitters (a group has several); empty when unknown
 * @param environment {@code type/id}, e.g. {@code docker/default} or {@code mcq/mcq}
 * @param priority 0 for a new submission, 1 for a replay (INGInious semantics)
 * @param gradingMs service demand of the grading itself in milliseconds, or null
 * @param completedAt observed completion, or null
 * @param result success, failed, error, crash, timeout, overflow or killed; or null
 * @param cpuLimitS CPU-time limit in seconds, or null
 * @param hardLimitS wall-time limit in seconds, or null
 * @param memoryMb memory limit in MB, or null
 */
public record Submission(
    String id,
    Instant submittedAt,
    String course,
    String task,
    List<String> users,
    String environment,
    int priority,
    Long gradingMs,
    Instant completedAt,
    String result,
    Double cpuLimitS,
    Double hardLimitS,
    Long memoryMb) {

  /** The environment used when a trace does not name one. */
  public static final String DEFAULT_ENVIRONMENT = "docker/default";

  /** Checks the required fields and copies {@code users}. */
  public Submission {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(submittedAt, "submittedAt");
    Objects.requireNonNull(course, "course");
    Objects.requireNonNull(task, "task");
    users = users == null ? List.of() : List.copyOf(users);
    environment = environment == null || environment.isEmpty() ? DEFAULT_ENVIRONMENT : environment;
  }

  /** A submission with only the required fields and defaults for the rest. */
  public static Submission of(String id, Instant submittedAt, String course, String task) {
    return new Submission(
        id, submittedAt, course, task, List.of(), null, 0, null, null, null, null, null, null);
  }

  /** The same submission with another grading demand. */
  public Submission withGradingMs(Long ms) {
    return new Submission(
        id,
        submittedAt,
        course,
        task,
        users,
        environment,
        priority,
        ms,
        completedAt,
        result,
        cpuLimitS,
        hardLimitS,
        memoryMb);
  }

  /** The environment type: the part of {@code environment} before the slash. */
  public String environmentType() {
    int slash = environment.indexOf('/');
    return slash < 0 ? environment : environment.substring(0, slash);
  }

  /** The environment id: the part of {@code environment} after the slash. */
  public String environmentId() {
    int slash = environment.indexOf('/');
    return slash < 0 ? environment : environment.substring(slash + 1);
  }
}
