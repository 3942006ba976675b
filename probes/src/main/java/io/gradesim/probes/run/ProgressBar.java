package io.gradesim.probes.run;

import java.io.PrintStream;

/** A one-line progress bar on stderr, redrawn in place with a carriage return. */
final class ProgressBar {
  private static final int WIDTH = 30;
  private final PrintStream out;
  private final int total;
  private int done;

  ProgressBar(PrintStream out, int total) {
    this.out = out;
    this.total = Math.max(1, total);
  }

  /** Marks one more round done and redraws with {@code what} is running. */
  synchronized void step(String what) {
    done++;
    draw(what);
  }

  /** Marks {@code n} rounds done without running them (a runtime that cannot run). */
  synchronized void skip(int n) {
    done += n;
  }

  /** Redraws without advancing. */
  synchronized void draw(String what) {
    int filled = done * WIDTH / total;
    out.printf("\r[%s%s] %3d%% %-44s", "#".repeat(filled), ".".repeat(WIDTH - filled),
        done * 100 / total, what.length() > 44 ? what.substring(0, 44) : what);
    out.flush();
  }

  /** Ends the line. */
  synchronized void finish() {
    out.println();
  }
}
