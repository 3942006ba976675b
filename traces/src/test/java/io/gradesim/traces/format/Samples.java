package io.gradesim.traces.format;

import java.nio.charset.StandardCharsets;

/** Small well-formed inputs of each format, for tests that break them. */
final class Samples {
  static final String EJUDGE_CONTEST =
      "{\"start_time_local\":\"2023-03-08 10:10:00\",\"timezone\":\"Europe/Moscow\"}";

  private static final String CLICS =
      String.join(
          "\n",
          "{\"type\":\"contest\",\"id\":\"c\",\"data\":{\"id\":\"c\",\"start_time\":"
              + "\"2023-02-19T09:00:00.000+01:00\"},\"token\":\"a\"}",
          "{\"type\":\"judgement-types\",\"id\":\"AC\",\"data\":{\"id\":\"AC\",\"solved\":true}}",
          "{\"type\":\"state\",\"data\":{\"started\":\"2023-02-19T09:15:00.000+01:00\"}}",
          "{\"type\":\"submissions\",\"id\":\"1\",\"data\":{\"id\":\"1\",\"problem_id\":\"A\","
              + "\"team_id\":\"46\",\"language_id\":\"cpp\",\"contest_time\":\"0:03:59.044\","
              + "\"time\":\"2023-02-19T09:18:59.044+01:00\"}}",
          "{\"type\":\"judgements\",\"id\":\"9\",\"data\":{\"id\":\"9\",\"submission_id\":\"1\","
              + "\"start_time\":\"2023-02-19T09:19:01.427+01:00\"}}",
          "{\"type\":\"judgements\",\"id\":\"9\",\"data\":{\"id\":\"9\",\"submission_id\":\"1\","
              + "\"judgement_type_id\":\"AC\",\"start_time\":\"2023-02-19T09:19:01.427+01:00\","
              + "\"end_time\":\"2023-02-19T09:19:04.380+01:00\"}}",
          "{\"type\":\"submissions\",\"id\":\"2\",\"data\":{\"id\":\"2\",\"problem_id\":\"B\","
              + "\"team_id\":\"25\",\"contest_time\":\"0:05:00\"}}",
          "{\"type\":\"submissions\",\"id\":\"2\",\"data\":null}",
          "{\"id\":\"7\",\"type\":\"submissions\",\"op\":\"create\",\"data\":{\"id\":\"3\","
              + "\"problem_id\":\"B\",\"team_id\":\"25\",\"time\":\"2023-02-19T10:00:00+01:00\"}}");
  private static final String EJUDGE =
      String.join(
          "\n",
          "run_id,contest_time_s,user,problem_id,problem,language,status,score,tests_passed",
          "5,309.575,u001,4,DOOM,g++,PT,24,28",
          "6,354.424,u002,4,DOOM,g++,CE,,0",
          "7,377.003,u003,4,\"Super, Mario\",g++,OK,100,38");
  private static final String PROGSNAP2 =
      String.join(
          "\n",
          "\"EventType\",\"EventID\",\"Order\",\"SubjectID\",\"ToolInstances\",\"CodeStateID\","
              + "\"ServerTimestamp\",\"ProblemID\",\"Correct\"",
          "\"Submit\",\"f48c\",1373,\"S002\",\"ITAP; Python\",1061,\"2016-02-05T19:46:00\","
              + "\"nearestBusStop\",TRUE",
          "\"X-HintRequest\",\"4468\",1375,\"S002\",\"ITAP; Python\",1063,\"2016-02-05T19:49:00\","
              + "\"firstAndLast\",FALSE",
          "\"Submit\",\"0740\",2876,\"SA\",\"ITAP; Python\",2201,\"2016-02-23T19:41:00Z\","
              + "\"createNumberBlock\",NA");
  private static final String CSV =
      String.join(
          "\n",
          "id,submitted_at,course,task,users,environment,priority,grading_ms,completed_at,result,"
              + "cpu_limit_s,hard_limit_s,memory_mb",
          "a,2024-01-15T09:31:00.640Z,c,t,u1;u2,docker/default,0,1200,2024-01-15T09:31:02Z,"
              + "success,20,60,1024",
          "b,1705311061,c,t,,,1,,,WA,,,",
          "c,1705311062000,c,t,,mcq/mcq,,,,,,,");

  private Samples() {}

  /** The sample of {@code format} as UTF-8 bytes (a fresh copy). */
  static byte[] of(TraceFormat format) {
    String text =
        switch (format) {
          case CLICS -> CLICS;
          case EJUDGE -> EJUDGE;
          case PROGSNAP2 -> PROGSNAP2;
          case CSV -> CSV;
          default -> throw new IllegalArgumentException("no sample of " + format);
        };
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The file name a sample of {@code format} is written under. */
  static String fileName(TraceFormat format) {
    return switch (format) {
      case EJUDGE -> "runs.csv";
      case PROGSNAP2 -> "MainTable.csv";
      default -> "input." + format.key();
    };
  }
}
