package io.gradesim.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Checks a command's outputs against its inputs before any work: an output that is an input (the
 * same path, a symbolic or hard link to it), an input lying where a directory output writes its
 * files, two outputs that are one file, an output file that is an existing directory, an output
 * directory that is a file, or a place that cannot be written are refused with one line naming the
 * output and the input, so the user's files are never overwritten.
 *
 * <p>Built once per command: {@code new OutputGuard().input("--trace", t).file("-o", o).check()}.
 */
public final class OutputGuard {
  private record Named(String option, Path path) {}

  private record DirOutput(
      String option, Path dir, Collection<String> files, Collection<String> subtrees) {}

  private final List<Named> inputs = new ArrayList<>();
  private final List<Named> files = new ArrayList<>();
  private final List<DirOutput> dirs = new ArrayList<>();

  /** Declares an input file (or folder); {@code null} is ignored. */
  public OutputGuard input(String option, Path path) {
    if (path != null) {
      inputs.add(new Named(option, path));
    }
    return this;
  }

  /** Declares inputs given under one option; {@code null} entries are ignored. */
  public OutputGuard inputs(String option, Collection<Path> paths) {
    for (Path p : paths) {
      input(option, p);
    }
    return this;
  }

  /** Declares an output file; {@code null} is ignored. */
  public OutputGuard file(String option, Path path) {
    if (path != null) {
      files.add(new Named(option, path));
    }
    return this;
  }

  /**
   * Declares an output directory, the file names the command writes in it and the sub-folders it
   * writes anything into.
   */
  public OutputGuard dir(
      String option, Path dir, Collection<String> written, Collection<String> subtrees) {
    dirs.add(new DirOutput(option, dir, List.copyOf(written), List.copyOf(subtrees)));
    return this;
  }

  /** Throws an {@link IllegalArgumentException} naming the first conflict found. */
  public void check() {
    List<Named> outputs = new ArrayList<>(files);
    for (DirOutput d : dirs) {
      if (Files.exists(d.dir()) && !Files.isDirectory(d.dir())) {
        outputs.add(new Named(d.option(), d.dir())); // an input file given as the directory
      }
      for (String name : d.files()) {
        outputs.add(new Named(d.option(), d.dir().resolve(name)));
      }
    }
    for (Named out : outputs) {
      for (Named in : inputs) {
        if (Places.same(out.path(), in.path())) {
          throw refusal(out, "it is the input given as " + in.option() + " (" + in.path() + ")");
        }
      }
    }
    for (DirOutput d : dirs) {
      for (String sub : d.subtrees()) {
        Path tree = d.dir().resolve(sub);
        for (Named in : inputs) {
          if (Places.inside(in.path(), tree)) {
            throw refusal(
                new Named(d.option(), tree),
                "the input given as "
                    + in.option()
                    + " ("
                    + in.path()
                    + ") lies inside it, and the command writes there");
          }
        }
      }
    }
    for (int i = 0; i < files.size(); i++) {
      for (int j = i + 1; j < files.size(); j++) {
        if (Places.same(files.get(i).path(), files.get(j).path())) {
          throw refusal(
              files.get(j),
              "it is also the output given as "
                  + files.get(i).option()
                  + " ("
                  + files.get(i).path()
                  + ")");
        }
      }
    }
    for (Named f : files) {
      if (Files.isDirectory(f.path())) {
        throw refusal(f, "it is a directory (give a file name)");
      }
      writable(f, f.path().toAbsolutePath().getParent());
    }
    for (DirOutput d : dirs) {
      Named n = new Named(d.option(), d.dir());
      if (Files.exists(d.dir()) && !Files.isDirectory(d.dir())) {
        throw refusal(n, "it is a file, not a directory");
      }
      writable(n, d.dir().toAbsolutePath());
    }
  }

  /** Refuses when the nearest existing folder at or above {@code place} cannot take files. */
  private static void writable(Named out, Path place) {
    Path p = place;
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    if (p == null) {
      return;
    }
    if (!Files.isDirectory(p)) {
      throw refusal(out, p + " is a file, not a directory");
    }
    if (!Files.isWritable(p)) {
      throw refusal(out, "the directory " + p + " is not writable");
    }
  }

  private static IllegalArgumentException refusal(Named out, String why) {
    return new IllegalArgumentException(
        "refusing to write " + out.path() + " (" + out.option() + "): " + why);
  }

  /** Path comparisons that see through symbolic links, hard links and {@code ..}. */
  static final class Places {
    private Places() {}

    /** Whether {@code a} and {@code b} name one file, or would once created. */
    static boolean same(Path a, Path b) {
      if (Files.exists(a) && Files.exists(b)) {
        try {
          // Compares the file keys: catches hard links and symbolic links alike.
          return Files.isSameFile(a, b);
        } catch (IOException e) {
          // fall through to the comparison of names
        }
      }
      return real(a).equals(real(b));
    }

    /** Whether {@code p} lies at or below the folder {@code dir}. */
    static boolean inside(Path p, Path dir) {
      return real(p).startsWith(real(dir));
    }

    /** The real path of the longest existing prefix of {@code p}, the rest appended. */
    static Path real(Path p) {
      Path abs = p.toAbsolutePath().normalize();
      Path head = abs;
      List<Path> tail = new ArrayList<>();
      while (head != null) {
        try {
          if (Files.exists(head, LinkOption.NOFOLLOW_LINKS) || Files.exists(head)) {
            Path r = head.toRealPath();
            for (int i = tail.size() - 1; i >= 0; i--) {
              r = r.resolve(tail.get(i));
            }
            return r.normalize();
          }
        } catch (IOException e) {
          // a dangling link or an unreadable folder: compare by name from here
        }
        if (head.getFileName() == null) {
          break;
        }
        tail.add(head.getFileName());
        head = head.getParent();
      }
      return abs;
    }
  }
}
