package io.gradesim.files.progress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line text progress bar redrawn in place ({@code \r}) on a terminal; elsewhere (logs, CI) it
 * prints only its final line. Thread-safe, so parallel runs may report into one bar.
 */
public final class ProgressBar {
  private static final int WIDTH = 30;

  private final PrintStream out;
  private String label;
  private int shownLength;
  private final long total;
  private final boolean interactive;
  private long done;
  private int shownPermille = -1;

  /** A bar for {@code total} units of work, drawn on {@code out}. */
  public ProgressBar(PrintStream out, String label, long total, boolean interactive) {
    this.out = out;
    this.label = label;
    this.total = Math.max(total, 1);
    this.interactive = interactive;
  }

  /** Makes bars: commands draw them on a terminal, tests discard them. */
  @FunctionalInterface
  public interface Factory {
    /** A bar for {@code total} units labelled {@code label}. */
    ProgressBar create(String label, long total);
  }

  /** A bar on standard error, redrawn when a console is attached. */
  public static ProgressBar onStderr(String label, long total) {
    return new ProgressBar(System.err, label, total, System.console() != null);
  }

  /** Sets the work done so far (clamped to the total). */
  public synchronized void set(long units) {
    done = Math.min(Math.max(units, 0), total);
    int permille = (int) (done * 1000 / total);
    if (interactive && permille / 5 != shownPermille / 5) {
      shownPermille = permille;
      draw();
    }
  }

  /** Changes the text after the bar (what is running now) and redraws it on a terminal. */
  public synchronized void relabel(String label) {
    this.label = label;
    if (interactive) {
      draw();
    }
  }

  private void draw() {
    String line = line();
    // Blank what a longer earlier line left on the terminal.
    out.print("\r" + line + " ".repeat(Math.max(0, shownLength - line.length())));
    shownLength = line.length();
    out.flush();
  }

  /** Adds {@code units} to the work done. */
  public synchronized void add(long units) {
    set(done + units);
  }

  /** Completes the bar and ends its line. */
  public synchronized void finish() {
    done = total;
    String line = line();
    out.println(
        interactive ? "\r" + line + " ".repeat(Math.max(0, shownLength - line.length())) : line);
    out.flush();
  }

  /** The bar's current text, e.g. {@code [#######.......] 45% reading runs}. */
  synchronized String line() {
    int filled = (int) (done * WIDTH / total);
    return "["
        + "#".repeat(filled)
        + ".".repeat(WIDTH - filled)
        + "] "
        + String.format(Locale.ROOT, "%3d%%", done * 100 / total)
        + " "
        + label;
  }
}
