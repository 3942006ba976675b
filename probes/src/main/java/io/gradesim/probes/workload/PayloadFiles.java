package io.gradesim.probes.workload;

import io.gradesim.files.Sha256;
import io.gradesim.probes.image.ImageStore;
import io.gradesim.probes.runtime.HostCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The files a workload reads, generated offline and deterministically into the image cache as
 * {@code payload-KIND[-SIZE]-HASH/}, the hash taken over the recipe (generator version, kind, size
 * and, for the database, the version of the {@code sqlite3} that writes it): built into a temporary
 * folder and moved into place ({@link ImageStore#cached}), listed by {@code probe --images} and
 * removed by {@code probe --prune} with the images.
 *
 * @param kind which files
 * @param size their size; null for the HTTP server's page
 */
public record PayloadFiles(Kind kind, WorkloadSize size) {
  /** Bumped whenever the generated files change, so that their name changes too. */
  static final String VERSION = "gradesim-payload-v1";

  /** The page the HTTP server serves, and what its first response must contain. */
  public static final String HELLO = "Hello World";

  /** The three sets of files. */
  public enum Kind {
    /** {@code index.html} for the HTTP server. */
    HTTP,
    /** {@code tpcc.db}, {@code read.sql}, {@code write.sql} ({@link TpccDatabase}). */
    DB,
    /** {@code files/1.txt ...} and {@code files.tar} of them ({@link FileTree}). */
    IO
  }

  /** The recipe the cache name hashes. */
  public String recipe() throws IOException {
    String r = VERSION + "\n" + kind + "\n" + (size == null ? "" : size.label()) + "\n";
    if (kind == Kind.DB) {
      r += HostCommand.firstLine(List.of("sqlite3", "--version")) + "\n";
    }
    return r;
  }

  /** The cache entry's name: {@code payload-db-xs-<16 hex digits>}. */
  public String name() throws IOException {
    return "payload-"
        + kind.name().toLowerCase(Locale.ROOT)
        + (size == null ? "" : "-" + size.label())
        + "-"
        + Sha256.ofText(recipe()).substring(0, 16);
  }

  /** The generated folder in {@code images}' cache, generated on first use. */
  public Path in(ImageStore images) throws IOException {
    return images.cached(name(), this::build);
  }

  private void build(Path dir) throws IOException {
    Files.createDirectories(dir);
    switch (kind) {
      case HTTP -> Files.writeString(dir.resolve("index.html"), HELLO + "\n");
      case DB -> TpccDatabase.build(dir, size);
      case IO -> FileTree.build(dir, size);
    }
    // Readable by every user: the rootless runtimes read them through a read-only bind mount.
    HostCommand.check(List.of("chmod", "-R", "a+rX,go-w", dir.toString()));
  }
}
