package io.gradesim.files;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Temporary files and folders of a write in progress, named after the JVM writing them: {@code
 * .OUT.csv.gradesim-<pid>-<n>.partial} beside the target, {@code .gradesim-sort-<pid>-<n>} for
 * scratch folders. A shutdown hook (Ctrl-C, SIGTERM) removes this JVM's and says so in one line;
 * what a killed JVM left is removed by {@link #sweep} in the next command writing there.
 *
 * <p>A leftover is an orphan when its pid is not alive, is not a Java process, or is a process
 * started after the leftover was last written (the pid was reused). A leftover whose writer still
 * runs is never touched, so two commands may write into one folder at once.
 */
public final class PartialFiles {
  private static final long PID = ProcessHandle.current().pid();
  private static final Pattern FILE = Pattern.compile("^\\..+\\.gradesim-(\\d+)-\\d+\\.partial$");
  private static final Pattern DIR = Pattern.compile("^\\.gradesim-[a-z]+-(\\d+)-\\d+$");
  // /proc start times have a resolution of a clock tick and the boot time of a second.
  private static final Duration CLOCK_SLACK = Duration.ofSeconds(2);
  private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
  private static volatile boolean shuttingDown;
  private static volatile PrintStream messages = System.err;

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(PartialFiles::onShutdown, "gradesim-partial-cleanup"));
  }

  private PartialFiles() {}

  /** Creates an empty temporary file beside {@code target}, removed at shutdown unless released. */
  public static Path createFile(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    refuseWhenShuttingDown();
    Path temp =
        Files.createTempFile(
            abs.getParent(), "." + abs.getFileName() + ".gradesim-" + PID + "-", ".partial");
    return track(temp);
  }

  /** Creates a scratch folder {@code .gradesim-KIND-<pid>-<n>} under {@code parent}. */
  public static Path createDirectory(Path parent, String kind) throws IOException {
    if (!kind.matches("[a-z]+")) {
      throw new IllegalArgumentException("scratch kind must be lower-case letters: " + kind);
    }
    refuseWhenShuttingDown();
    Files.createDirectories(parent);
    Path dir = Files.createTempDirectory(parent, ".gradesim-" + kind + "-" + PID + "-");
    return track(dir);
  }

  /** Forgets {@code path} (moved into place or deleted by its writer). */
  public static void release(Path path) {
    LIVE.remove(path.toAbsolutePath());
  }

  /** Deletes {@code path} (a folder with what it holds) and forgets it. */
  public static void delete(Path path) throws IOException {
    try {
      deleteTree(path);
    } finally {
      release(path);
    }
  }

  /** Where the shutdown hook reports what it removed (tests redirect it). */
  static void messagesTo(PrintStream out) {
    messages = out;
  }

  /**
   * Removes the leftovers of dead writers directly in {@code dir}; returns what it removed. A
   * leftover that cannot be removed is left (the next sweep tries again).
   */
  public static List<Path> sweep(Path dir) {
    List<Path> removed = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return removed;
    }
    List<Path> entries;
    try (Stream<Path> s = Files.list(dir)) {
      entries = s.sorted().toList();
    } catch (IOException e) {
      return removed;
    }
    for (Path p : entries) {
      OptionalLong owner = owner(p.getFileName().toString());
      if (owner.isPresent() && isOrphan(owner.getAsLong(), p)) {
        try {
          deleteTree(p);
          removed.add(p);
        } catch (IOException e) {
          // left for the next sweep
        }
      }
    }
    return removed;
  }

  /** Sweeps each folder once and returns a one-line note of what went, or empty. */
  public static Optional<String> sweepNote(Path... dirs) {
    Set<Path> seen = new TreeSet<>();
    List<Path> removed = new ArrayList<>();
    for (Path d : dirs) {
      if (d != null && seen.add(d.toAbsolutePath().normalize())) {
        removed.addAll(sweep(d.toAbsolutePath().normalize()));
      }
    }
    if (removed.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "removed "
            + removed.size()
            + " temporary file(s) left by an interrupted "
            + "command: "
            + removed.get(0)
            + (removed.size() > 1 ? " and others" : ""));
  }

  /** The pid in a leftover's name, if the name is one of ours. */
  static OptionalLong owner(String name) {
    Matcher m = FILE.matcher(name);
    if (!m.matches()) {
      m = DIR.matcher(name);
      if (!m.matches()) {
        return OptionalLong.empty();
      }
    }
    try {
      return OptionalLong.of(Long.parseLong(m.group(1)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** Whether the writer {@code pid} of {@code leftover} can no longer be writing it. */
  static boolean isOrphan(long pid, Path leftover) {
    if (pid == PID) {
      return false; // ours: released by the writer or removed by the hook
    }
    Optional<ProcessHandle> h = ProcessHandle.of(pid);
    if (h.isEmpty() || !h.get().isAlive()) {
      return true;
    }
    ProcessHandle.Info info = h.get().info();
    Optional<String> command = info.command();
    if (command.isPresent()
        && !Path.of(command.get()).getFileName().toString().startsWith("java")) {
      return true;
    }
    Optional<Instant> started = info.startInstant();
    if (started.isEmpty()) {
      return false;
    }
    try {
      Instant written =
          Files.readAttributes(leftover, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
              .lastModifiedTime()
              .toInstant();
      return started.get().isAfter(written.plus(CLOCK_SLACK));
    } catch (IOException e) {
      return false;
    }
  }

  private static Path track(Path p) {
    Path abs = p.toAbsolutePath();
    LIVE.add(abs);
    return abs;
  }

  private static void refuseWhenShuttingDown() throws IOException {
    if (shuttingDown) {
      throw new IOException("interrupted: no new temporary file");
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> s = Files.walk(p)) {
        for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(q);
        }
      }
    } else {
      Files.deleteIfExists(p);
    }
  }

  private static void onShutdown() {
    shuttingDown = true;
    int removed = 0;
    Set<Path> where = new TreeSet<>();
    for (Path p : List.copyOf(LIVE)) {
      try {
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
          deleteTree(p);
          removed++;
          where.add(p.getParent());
        }
      } catch (IOException e) {
        // the next command's sweep removes it
      }
      LIVE.remove(p);
    }
    if (removed > 0) {
      messages.println(
          "gradesim: interrupted: removed "
              + removed
              + " temporary file(s) in "
              + String.join(", ", where.stream().map(Path::toString).toList()));
      messages.flush();
    }
  }
}
