package io.gradesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;

/**
 * Turns the exception that ended a command into one line on stderr and the process's exit code (see
 * the table in the top README): 2 for what the user can fix (bad input, a path that cannot be
 * written), 3 for out of memory (naming {@code GRADESIM_JAVA_OPTS}), 130 for an interruption, 1 for
 * anything else (a bug). Wrappers (Pekko's, {@code CompletionException}, {@code
 * ExecutionException}, a rethrow that only repeats its cause) are looked through, so the line names
 * the cause. The stack trace is printed only with {@code --debug}.
 */
final class FailureReport {
  /** The command ended normally. */
  static final int OK = 0;

  /** A bug of gradesim. */
  static final int INTERNAL = 1;

  /** Bad input or a path that cannot be used: the message says which and why. */
  static final int USER = 2;

  /** The JVM ran out of heap. */
  static final int OUT_OF_MEMORY = 3;

  /** Interrupted (Ctrl-C), as a shell reports SIGINT. */
  static final int INTERRUPTED = 130;

  private static final int MAX_LINE = 400;

  private FailureReport() {}

  /** Prints the line for {@code e} to {@code err} and returns the exit code. */
  static int report(Throwable e, PrintWriter err, boolean debug) {
    int code;
    Throwable oom = find(e, OutOfMemoryError.class);
    if (oom != null) {
      code = OUT_OF_MEMORY;
      err.println(
          "gradesim: out of memory ("
              + oneLine(oom.getMessage())
              + ") with a "
              + mb(Runtime.getRuntime().maxMemory())
              + " heap: run again with a larger one, e.g. "
              + "GRADESIM_JAVA_OPTS=-Xmx"
              + suggestedHeap(Runtime.getRuntime().maxMemory())
              + " ./gradesim ...");
    } else if (find(e, InterruptedException.class) != null) {
      code = INTERRUPTED;
      err.println("gradesim: interrupted");
    } else {
      Throwable cause = unwrap(e);
      if (isUserError(cause)) {
        code = USER;
        err.println("gradesim: " + userMessage(cause));
      } else {
        code = INTERNAL;
        err.println(
            "gradesim: internal error: "
                + cause.getClass().getName()
                + ": "
                + oneLine(cause.getMessage())
                + (debug ? "" : " (run with --debug for the stack trace)"));
      }
    }
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  /** Errors the user can fix: bad input, a file that is missing or cannot be written. */
  static boolean isUserError(Throwable e) {
    return e instanceof IllegalArgumentException
        || e instanceof IOException
        || e instanceof UncheckedIOException
        || e instanceof IllegalStateException;
  }

  /** The cause a chain of wrappers stands for. */
  static Throwable unwrap(Throwable e) {
    Throwable t = e;
    for (int depth = 0; depth < 32 && t.getCause() != null && t.getCause() != t; depth++) {
      if (!isWrapper(t)) {
        break;
      }
      t = t.getCause();
    }
    return t;
  }

  private static boolean isWrapper(Throwable t) {
    Throwable c = t.getCause();
    if (t instanceof CompletionException
        || t instanceof ExecutionException
        || t instanceof CommandLine.ExecutionException
        || t instanceof UndeclaredThrowableException
        || t instanceof InvocationTargetException
        || t instanceof ExceptionInInitializerError
        || t instanceof UncheckedIOException
        || t.getClass().getName().startsWith("org.apache.pekko.")) {
      return true;
    }
    // A rethrow that adds nothing: new IllegalStateException(cause), or one repeating the
    // cause's message, unless that would turn a user error into an internal one.
    String m = t.getMessage();
    if (m == null || m.equals(c.toString())) {
      return true;
    }
    return m.equals(c.getMessage()) && (isUserError(c) || !isUserError(t));
  }

  private static Throwable find(Throwable e, Class<? extends Throwable> type) {
    Throwable t = e;
    for (int depth = 0; depth < 32 && t != null; depth++) {
      if (type.isInstance(t)) {
        return t;
      }
      for (Throwable s : t.getSuppressed()) {
        if (type.isInstance(s)) {
          return s;
        }
      }
      t = t.getCause() == t ? null : t.getCause();
    }
    return null;
  }

  private static String userMessage(Throwable e) {
    if (e instanceof FileSystemException f && f.getFile() != null) {
      return f.getFile() + ": " + fileProblem(f);
    }
    if (e instanceof CharacterCodingException) {
      return "input is not valid UTF-8 text (" + e.getClass().getSimpleName() + ")";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : oneLine(m);
  }

  private static String fileProblem(FileSystemException f) {
    if (f instanceof NoSuchFileException) {
      return "no such file or folder";
    } else if (f instanceof AccessDeniedException) {
      return "permission denied";
    } else if (f instanceof FileAlreadyExistsException) {
      Path p = Path.of(f.getFile());
      return Files.isDirectory(p) ? "already exists" : "already exists and is a file, not a folder";
    } else if (f instanceof NotDirectoryException) {
      return "not a folder";
    } else if (f instanceof DirectoryNotEmptyException) {
      return "folder not empty";
    }
    return f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
  }

  /** The first line of {@code m}, at most {@value #MAX_LINE} characters. */
  static String oneLine(String m) {
    if (m == null) {
      return "no message";
    }
    String line = m.strip();
    int nl = line.indexOf('\n');
    if (nl >= 0) {
      line = line.substring(0, nl).strip() + " ...";
    }
    return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + "...";
  }

  private static String mb(long bytes) {
    return bytes / (1024 * 1024) + " MB";
  }

  /** Twice the heap that was too small, rounded up to a whole 256 MB, at least 1 GB. */
  static String suggestedHeap(long maxBytes) {
    long mb = Math.max(1024, ((2 * maxBytes / (1024 * 1024)) + 255) / 256 * 256);
    return mb % 1024 == 0 ? mb / 1024 + "g" : mb + "m";
  }
}
