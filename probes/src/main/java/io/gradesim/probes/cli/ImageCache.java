package io.gradesim.probes.cli;

import io.gradesim.probes.cleanup.Janitor;
import io.gradesim.probes.image.ImageStore;
import io.gradesim.probes.runtime.Label;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** {@code probe --images} and {@code probe --prune}: the offline image cache. */
final class ImageCache {
  private ImageCache() {}

  /** Prints every cached artefact with its size. */
  static int list(ImageStore store, PrintWriter out) throws IOException {
    List<ImageStore.Entry> entries = store.entries();
    out.println("image cache: " + store.dir());
    for (ImageStore.Entry e : entries) {
      out.printf(Locale.ROOT, "%-48s %10.1f MB%n", e.name(), e.bytes() / 1e6);
    }
    out.printf(
        Locale.ROOT,
        "%d entries, %.1f MB%n",
        entries.size(),
        entries.stream().mapToLong(ImageStore.Entry::bytes).sum() / 1e6);
    return 0;
  }

  /**
   * Removes the cache and whatever labelled containers and image imports crashed probes left in the
   * engines (running probes' own are kept: their labels hold a live pid).
   */
  static int prune(ImageStore store, PrintWriter out) throws IOException {
    Janitor.sweepOrphans();
    List<ImageStore.Entry> removed = store.prune();
    for (ImageStore.Entry e : removed) {
      out.printf(Locale.ROOT, "removed %-40s %10.1f MB%n", e.name(), e.bytes() / 1e6);
    }
    out.printf(
        Locale.ROOT,
        "removed %d entries (%.1f MB) from %s; swept orphans labelled %s*%n",
        removed.size(),
        removed.stream().mapToLong(ImageStore.Entry::bytes).sum() / 1e6,
        store.dir(),
        Label.PREFIX);
    return 0;
  }
}
