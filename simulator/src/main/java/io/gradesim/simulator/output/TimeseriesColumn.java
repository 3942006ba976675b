package io.gradesim.simulator.output;

import java.util.List;

/** The columns of {@code timeseries.csv}, in file order, each with its unit and meaning. */
public enum TimeseriesColumn implements CsvColumn {
  BUCKET_START("instant", "start of the bucket"),
  BUCKET_S("s", "time the bucket covers (the width, less for the run's last bucket)"),
  QUEUE_MEAN("submissions", "time-averaged number waiting in backend queues"),
  QUEUE_MAX("submissions", "largest number waiting in backend queues for a positive time"),
  BUSY_SLOTS_MEAN("slots", "time-averaged number of busy slots (dispatch to removal)"),
  SLOTS_UP("slots", "slots of the agents up at the end of the bucket"),
  AGENTS_UP("agents", "agents up at the end of the bucket"),
  ARRIVALS("submissions", "submissions that reached the frontend in the bucket"),
  COMPLETIONS("submissions", "results delivered in the bucket");

  private final Doc doc;

  TimeseriesColumn(String unit, String meaning) {
    this.doc = new Doc(unit, meaning);
  }

  @Override
  public Doc doc() {
    return doc;
  }

  /** The header row. */
  public static List<String> header() {
    return CsvColumn.header(values());
  }
}
