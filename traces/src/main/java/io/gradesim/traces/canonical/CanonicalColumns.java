package io.gradesim.traces.canonical;

import java.util.List;

/** The columns of the canonical trace CSV, in their written order (DESIGN.md). */
public final class CanonicalColumns {
  private CanonicalColumns() {}

  public static final String ID = "id";
  public static final String SUBMITTED_AT = "submitted_at";
  public static final String COURSE = "course";
  public static final String TASK = "task";
  public static final String USERS = "users";
  public static final String ENVIRONMENT = "environment";
  public static final String PRIORITY = "priority";
  public static final String GRADING_MS = "grading_ms";
  public static final String COMPLETED_AT = "completed_at";
  public static final String RESULT = "result";
  public static final String CPU_LIMIT_S = "cpu_limit_s";
  public static final String HARD_LIMIT_S = "hard_limit_s";
  public static final String MEMORY_MB = "memory_mb";

  /** Every column, in the order the writer emits them. */
  public static final List<String> ALL =
      List.of(
          ID,
          SUBMITTED_AT,
          COURSE,
          TASK,
          USERS,
          ENVIRONMENT,
          PRIORITY,
          GRADING_MS,
          COMPLETED_AT,
          RESULT,
          CPU_LIMIT_S,
          HARD_LIMIT_S,
          MEMORY_MB);

  /** The columns a file must have. */
  public static final List<String> REQUIRED = List.of(ID, SUBMITTED_AT, COURSE, TASK);

  /** The separator between user ids in the {@code users} column. */
  public static final String USER_SEPARATOR = ";";
}
