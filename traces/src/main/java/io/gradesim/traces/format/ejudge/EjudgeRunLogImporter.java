package io.gradesim.traces.format.ejudge;

import io.gradesim.traces.Submission;
import io.gradesim.traces.format.CsvHeader;
import io.gradesim.traces.format.CsvImporter;
import io.gradesim.traces.format.CsvRow;
import io.gradesim.traces.format.ImportOptions;
import io.gradesim.traces.format.Pseudonyms;
import io.gradesim.traces.format.Results;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an ejudge run log exported as CSV ({@code run_id, contest_time_s, user, problem_id,
 * problem, language, status, score, tests_passed}): arrival = contest start + {@code
 * contest_time_s}; the start comes from the contest JSON ({@link EjudgeContest}). ejudge exports no
 * judging time, so {@code grading_ms} and {@code completed_at} stay empty. Status codes are those
 * of ejudge's run log ({@code OK}, {@code PT}, {@code CE}, ...; ejudge's {@code runstatus.h}).
 */
public final class EjudgeRunLogImporter extends CsvImporter {
  /** ejudge run status to canonical result; null for a run not judged (yet). */
  private static final Map<String, String> STATUS =
      Map.ofEntries(
          Map.entry("OK", Results.SUCCESS),
          Map.entry("PT", Results.FAILED),
          Map.entry("WA", Results.FAILED),
          Map.entry("PE", Results.FAILED),
          Map.entry("SV", Results.FAILED),
          Map.entry("RJ", Results.FAILED),
          Map.entry("DQ", Results.FAILED),
          Map.entry("CE", Results.ERROR),
          Map.entry("CF", Results.ERROR),
          Map.entry("SY", Results.ERROR),
          Map.entry("RT", Results.CRASH),
          Map.entry("TL", Results.TIMEOUT),
          Map.entry("WT", Results.TIMEOUT),
          Map.entry("ML", Results.OVERFLOW),
          Map.entry("SE", Results.KILLED));

  /** Statuses of runs not (yet) judged: accepted for testing, pending, running, ignored... */
  private static final List<String> UNJUDGED =
      List.of("AC", "PD", "PR", "RU", "CG", "CD", "AV", "SM", "IG", "SK", "EM", "QU");

  @Override
  protected RowMapper mapper(Path input, ImportOptions options, CsvHeader header)
      throws IOException {
    int runId = header.require("run_id");
    int time = header.require("contest_time_s");
    int user = header.require("user");
    int status = header.require("status");
    int problem = header.index("problem");
    int problemId = header.index("problem_id");
    if (problem < 0 && problemId < 0) {
      throw header.missing("problem", "required column is missing (or problem_id)");
    }
    int language = header.index("language");
    Path json =
        options.contestFile() != null ? options.contestFile() : EjudgeContest.besides(input);
    EjudgeContest contest = EjudgeContest.load(json, EjudgeContest.prefixOf(input), options.zone());
    Pseudonyms names = new Pseudonyms(options);
    return row -> {
      String id = row.required(runId);
      Instant at = contest.start().plus(row.parsed(time, EjudgeRunLogImporter::seconds));
      String task = row.text(problem).isBlank() ? row.required(problemId) : row.required(problem);
      String lang = row.text(language).trim();
      return new Submission(
          id,
          at,
          contest.id(),
          task,
          List.of(names.of(row.required(user))),
          lang.isEmpty() ? null : "docker/" + lang,
          0,
          null,
          null,
          result(row, status),
          null,
          null,
          null);
    };
  }

  private static String result(CsvRow row, int column) {
    String code = row.required(column).toUpperCase(Locale.ROOT);
    String result = STATUS.get(code);
    if (result == null && !UNJUDGED.contains(code)) {
      throw row.bad(
          column,
          "unknown ejudge status '"
              + code
              + "' (known: "
              + String.join(", ", STATUS.keySet().stream().sorted().toList())
              + ", "
              + String.join(", ", UNJUDGED)
              + ")");
    }
    return result;
  }

  /** Seconds since the contest start, fraction allowed, not negative. */
  private static Duration seconds(String text) {
    BigDecimal s;
    try {
      s = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number of seconds: '" + text + "'");
    }
    if (s.signum() < 0 || s.compareTo(BigDecimal.valueOf(366L * 24 * 3600)) > 0) {
      throw new IllegalArgumentException("seconds since the start out of range: '" + text + "'");
    }
    return Duration.ofNanos(s.movePointRight(9).longValue());
  }
}
