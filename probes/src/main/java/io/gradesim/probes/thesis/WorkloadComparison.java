package io.gradesim.probes.thesis;

import io.gradesim.probes.image.Image;
import io.gradesim.probes.workload.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The thesis' HTTP, database and IO tests beside this host's, per configuration measured with the
 * workloads ({@link WorkloadResults}) and test: the whole test from the start of create, the
 * thesis' statistic (mean of the 15 fastest of 20) and median with its 95 % interval, this host's
 * median with its interval, and the ratio of the medians.
 *
 * @param rows one per configuration and test, configurations in the thesis' file order
 */
public record WorkloadComparison(List<Row> rows) {

  /**
   * One configuration and test.
   *
   * @param thesis the thesis' configuration
   * @param name this host's result name
   * @param test the thesis' test name
   * @param thesisWhole the thesis' statistics of the whole test
   * @param host this host's
   * @param load1 the mean load average of this host's samples
   * @param note what differs from the thesis (e.g. the image), or empty
   */
  public record Row(
      ThesisConfiguration thesis,
      String name,
      String test,
      ThesisStatistics thesisWhole,
      ThesisStatistics host,
      double load1,
      String note) {

    /** This host's median over the thesis'. */
    public double ratio() {
      return host.median() / thesisWhole.median();
    }
  }

  /** Every workload result of {@code results} beside the thesis' run of the same configuration. */
  public static WorkloadComparison of(List<ThesisRun> thesis, WorkloadResults results) {
    List<Job> tests = Job.parse("all");
    List<Row> rows = new ArrayList<>();
    for (ThesisRun run : thesis) {
      ThesisConfiguration c = run.configuration();
      // The thesis ran its prototype with Alpine only: here it needs the grading image's tools.
      List<Image> images =
          c.manager().equals("contingious")
              ? List.of(Image.of(HostMapping.image(c.image())), Image.GRADING)
              : List.of(Image.of(HostMapping.image(c.image())));
      for (Image image : images) {
        Optional<String> name = ThesisMatrix.target(c, Optional.of(image)).map(t -> t.name());
        if (name.isEmpty() || !results.whole().containsKey(name.get())) {
          continue;
        }
        String note =
            image.label().equals(HostMapping.image(c.image()))
                ? ""
                : "image " + image.label() + " (the thesis: " + c.image() + ")";
        for (Job job : tests) {
          double[] here = results.whole().get(name.get()).get(job.label());
          if (here == null || here.length == 0) {
            continue;
          }
          ThesisTest t = run.test(job.thesisTest());
          rows.add(
              new Row(
                  c,
                  name.get(),
                  job.thesisTest(),
                  t.whole().statistics(),
                  ThesisStatistics.of(here),
                  results.load1().get(name.get()).get(job.label()),
                  note));
        }
        break;
      }
    }
    return new WorkloadComparison(List.copyOf(rows));
  }

  /** The comparison as Markdown, one row per configuration and test. */
  public String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("| thesis file | gradesim name | test | thesis s (mean of 15 fastest) |")
        .append(" thesis median [95 % CI] | here median [95 % CI] | ratio | note |\n");
    b.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (Row r : rows) {
      b.append("| ")
          .append(r.thesis().name())
          .append(" | ")
          .append(r.name())
          .append(" | ")
          .append(r.test())
          .append(" | ")
          .append(ThesisComparison.s(r.thesisWhole().fastestMean()))
          .append(" | ")
          .append(ThesisComparison.medianCi(r.thesisWhole()))
          .append(" | ")
          .append(ThesisComparison.medianCi(r.host()))
          .append(String.format(Locale.ROOT, " (n = %d, load %.1f)", r.host().n(), r.load1()))
          .append(" | ")
          .append(String.format(Locale.ROOT, "%.2f", r.ratio()))
          .append(" | ")
          .append(r.note())
          .append(" |\n");
    }
    return b.toString();
  }
}
