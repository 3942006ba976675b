package io.gradesim.probes.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One timed lifecycle stage of one container, recorded with JFR's own start time and duration.
 * Fields are Strings and primitives only: JFR silently drops enum fields.
 */
@Name(StageEvent.NAME)
@Label("Container stage")
@Category({"gradesim", "Probe"})
@Description("One lifecycle stage (create, start, exec, stop, remove, run) of one container")
@StackTrace(false)
public final class StageEvent extends Event {
  /** The JFR event name that calibration reads. */
  public static final String NAME = "gradesim.Stage";

  @Label("Runtime")
  public String runtime;

  @Label("Stage")
  public String stage;

  @Label("Payload")
  public String payload;

  @Label("Concurrency")
  @Description("Number of lifecycles run at once")
  public int concurrency;

  @Label("Iteration")
  public int iteration;

  @Label("Warm-up")
  @Description("True for warm-up iterations, which calibration leaves out")
  public boolean warmup;

  @Label("OK")
  public boolean ok;

  @Label("Slot")
  @Description("Which of the concurrent lifecycles of this iteration (0 to concurrency - 1)")
  public int slot;

  @Label("Load average")
  @Description("The host's 1-minute load average when the lifecycle began")
  public double load1;

  @Label("Error")
  @Description("Why the stage failed; empty when ok")
  public String error;
}
