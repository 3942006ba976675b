package io.gradesim.probes.isolation;

import io.gradesim.files.AtomicWrite;
import io.gradesim.probes.cleanup.Janitor;
import io.gradesim.probes.image.ImageStore;
import io.gradesim.probes.runtime.Availability;
import io.gradesim.probes.runtime.Runtime;
import io.gradesim.probes.runtime.RuntimeDriver;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Runs every {@link Check} for every available runtime; prints the matrix and writes a CSV. */
public final class IsolationMatrix {
  private final ImageStore images;
  private final Janitor janitor;

  /** A matrix using these images and this probe's janitor. */
  public IsolationMatrix(ImageStore images, Janitor janitor) {
    this.images = images;
    this.janitor = janitor;
  }

  /** One cell. */
  public record Cell(String runtime, Check check, Verdict verdict) {}

  /** Runs the checks, writes {@code csv} (runtime,check,verdict,detail) and prints a table. */
  public List<Cell> run(List<Runtime> runtimes, Path csv, PrintWriter out) throws IOException {
    List<Cell> cells = new ArrayList<>();
    for (Runtime r : runtimes) {
      RuntimeDriver d = r.driver();
      String label = d.resultLabel(r.label());
      Availability a = d.availability();
      if (!a.available()) {
        out.println("isolation: " + label + " unavailable: " + a.reason());
        continue;
      }
      janitor.track(d);
      d.prepare(images);
      Trial trial = new Trial(d, images, janitor);
      for (Check c : Check.values()) {
        System.err.printf("\risolation: %-14s %-16s", label, c.label());
        Verdict v;
        try {
          v = c.run(d, trial);
        } catch (IOException | RuntimeException e) {
          v = Verdict.fail("attempt failed: " + e.getMessage());
        }
        cells.add(new Cell(label, c, v));
      }
      d.cleanup(io.gradesim.probes.runtime.Label::isOwn);
    }
    System.err.println();
    write(cells, csv);
    print(cells, out);
    return cells;
  }

  private static void write(List<Cell> cells, Path csv) throws IOException {
    AtomicWrite.write(
        csv,
        w -> {
          CSVPrinter p =
              CSVFormat.DEFAULT
                  .builder()
                  .setHeader("runtime", "check", "verdict", "detail")
                  .get()
                  .print(w);
          for (Cell c : cells) {
            p.printRecord(
                c.runtime(),
                c.check().label(),
                c.verdict().outcome().label(),
                c.verdict().detail());
          }
          p.flush();
        });
  }

  private static void print(List<Cell> cells, PrintWriter out) {
    out.printf("%-14s", "runtime");
    for (Check c : Check.values()) {
      out.printf(" %-15s", c.label());
    }
    out.println();
    String current = null;
    for (Cell c : cells) {
      if (!c.runtime().equals(current)) {
        if (current != null) {
          out.println();
        }
        current = c.runtime();
        out.printf("%-14s", current);
      }
      out.printf(" %-15s", c.verdict().outcome().label());
    }
    out.println();
    for (Cell c : cells) {
      if (c.verdict().outcome() != Verdict.Outcome.PASS) {
        out.printf("  %s %s: %s%n", c.runtime(), c.check().label(), c.verdict().detail());
      }
    }
    out.flush();
  }
}
