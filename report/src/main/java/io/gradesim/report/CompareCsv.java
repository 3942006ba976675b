package io.gradesim.report;

import io.gradesim.simulator.output.SummaryKey;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code compare.csv}: one row per scenario in the order given, fixed decimals, "\n" line ends,
 * blank cells for unknown figures; the same runs give the same bytes.
 */
public final class CompareCsv {
  /**
   * The header, in order: the summary's own key for each figure of {@code summary.json}; the
   * scenario's name, where its runtime's costs come from and the verdict are the report's.
   */
  public static final List<String> COLUMNS =
      List.of(
          "scenario",
          SummaryKey.AGENTS.key(),
          SummaryKey.SLOTS_PER_AGENT.key(),
          SummaryKey.RUNTIME.key(),
          "runtime_source",
          SummaryKey.COST.key(),
          SummaryKey.FEEDBACK_P50_S.key(),
          SummaryKey.FEEDBACK_P95_S.key(),
          SummaryKey.FEEDBACK_P99_S.key(),
          SummaryKey.WAIT_P95_S.key(),
          SummaryKey.PEAK_QUEUE.key(),
          SummaryKey.UTILISATION.key(),
          SummaryKey.REJECTED.key(),
          SummaryKey.SUBMISSIONS.key(),
          "meets_slo");

  private CompareCsv() {}

  /** The CSV text for {@code runs}; runtimes in {@code literature} are marked as such. */
  public static String render(List<ReportRow> runs, Verdict verdict, Set<String> literature) {
    StringWriter out = new StringWriter();
    CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
    try (CSVPrinter csv = new CSVPrinter(out, format)) {
      csv.printRecord(COLUMNS);
      for (ReportRow s : runs) {
        csv.printRecord(
            s.scenario(),
            Formats.fixed(s.agents(), 0),
            Formats.fixed(s.slotsPerAgent(), 0),
            s.runtime(),
            literature.contains(s.runtime()) ? "literature" : "measured",
            Formats.fixed(s.cost(), 4),
            Formats.fixed(s.feedbackP50(), 3),
            Formats.fixed(s.feedbackP95(), 3),
            Formats.fixed(s.feedbackP99(), 3),
            Formats.fixed(s.waitP95(), 3),
            Formats.fixed(s.peakQueue(), 0),
            Formats.fixed(s.utilisation(), 4),
            Formats.fixed(s.rejected(), 0),
            Formats.fixed(s.submissions(), 0),
            verdict.meets(s));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
