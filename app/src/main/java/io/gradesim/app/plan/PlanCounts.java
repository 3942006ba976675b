package io.gradesim.app.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a finished {@code plan.csv} says of the search at one load level, for a process that only
 * has the file (the {@code bench plan} command times {@code plan} in a JVM of its own): the
 * candidates of the space, how many of them were run, and the runs made (their replications and
 * today's pool's).
 *
 * @param load the load level, e.g. {@code 4x}
 * @param candidates candidates of the space
 * @param evaluated candidates run (not bisected or pruned)
 * @param runs simulation runs, today's pool's included
 */
public record PlanCounts(String load, int candidates, int evaluated, int runs) {

  /** The counts per load level of {@code planCsv}, in its order; columns are found by name. */
  public static List<PlanCounts> read(Path planCsv) throws IOException {
    List<String> lines = Files.readAllLines(planCsv, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new IOException(planCsv + ": empty, not a plan.csv");
    }
    List<String> header = Arrays.asList(lines.get(0).split(",", -1));
    int load = column(planCsv, header, "load");
    int candidate = column(planCsv, header, "candidate");
    int status = column(planCsv, header, "status");
    int replications = column(planCsv, header, "replications");
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      // plan.csv quotes nothing: its cells are names, numbers and labels without commas.
      String[] cells = lines.get(i).split(",", -1);
      if (cells.length != header.size()) {
        throw new IOException(planCsv + ": line " + (i + 1) + ": " + cells.length + " cells");
      }
      int[] c = counts.computeIfAbsent(cells[load], k -> new int[3]);
      boolean run =
          cells[status].equals(PlanSearch.Status.EVALUATED.name().toLowerCase(Locale.ROOT));
      if (!cells[candidate].equals(Planner.TODAY)) {
        c[0]++;
        c[1] += run ? 1 : 0;
      }
      c[2] += run ? Integer.parseInt(cells[replications]) : 0;
    }
    List<PlanCounts> out = new ArrayList<>();
    counts.forEach((l, c) -> out.add(new PlanCounts(l, c[0], c[1], c[2])));
    return List.copyOf(out);
  }

  private static int column(Path file, List<String> header, String name) throws IOException {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new IOException(file + ": no column '" + name + "', not a plan.csv");
    }
    return i;
  }
}
