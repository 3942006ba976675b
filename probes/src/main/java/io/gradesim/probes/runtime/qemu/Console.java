package io.gradesim.probes.runtime.qemu;

import io.gradesim.probes.runtime.Container;
import io.gradesim.probes.runtime.ExecResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The guest's serial console (QEMU's stdio): a reader thread queues its lines; commands go to the
 * guest's /init as {@code exec N} followed by N argument lines, never through a shell.
 */
final class Console {
  private static final Map<String, Console> OPEN = new ConcurrentHashMap<>();

  private final Process qemu;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Deque<String> recent = new ArrayDeque<>();

  private Console(Process qemu) {
    this.qemu = qemu;
  }

  /** Starts reading the console of the VM {@code c}. */
  static void attach(Container c) {
    Console console = new Console(c.process());
    OPEN.put(c.name(), console);
    Thread t = new Thread(console::pump, "gradesim-qemu-console");
    t.setDaemon(true);
    t.start();
  }

  /** The console of the VM {@code c}. */
  static Console of(Container c) throws IOException {
    Console console = OPEN.get(c.name());
    if (console == null) {
      throw new IOException(c.name() + " has no console");
    }
    return console;
  }

  /** The last console lines of a QEMU process, for error messages. */
  static String tail(Process p) {
    for (Console c : OPEN.values()) {
      if (c.qemu == p) {
        return c.recentText();
      }
    }
    return "(no output)";
  }

  /** Waits for a line starting with {@code prefix}; returns it. */
  String await(String prefix, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
        if (line == null) {
          throw new IOException(
              "no '"
                  + prefix
                  + "' from the VM within "
                  + timeout.toSeconds()
                  + " s"
                  + (qemu.isAlive() ? "" : " (QEMU exited)")
                  + "; console: "
                  + recentText());
        }
        int at = line.indexOf(prefix);
        if (at >= 0) {
          return line.substring(at);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for the VM", e);
    }
  }

  /** Runs {@code argv} in the guest and returns its exit code. */
  ExecResult exec(List<String> argv, Duration timeout) throws IOException {
    List<String> msg = new ArrayList<>();
    msg.add("exec " + argv.size());
    for (String a : argv) {
      if (a.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("a VM command argument cannot hold a newline");
      }
      msg.add(a);
    }
    send(msg);
    String done;
    try {
      done = await("gradesim-done ", timeout);
    } catch (IOException e) {
      if (!qemu.isAlive()) {
        throw e;
      }
      return new ExecResult(-1, "", e.getMessage(), true);
    }
    int code = Integer.parseInt(done.substring("gradesim-done ".length()).strip());
    return new ExecResult(code, "", "", false);
  }

  /** Writes lines to the guest's console. */
  void send(List<String> msg) throws IOException {
    OutputStream in = qemu.getOutputStream();
    in.write((String.join("\n", msg) + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  private void pump() {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(qemu.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
        synchronized (recent) {
          recent.addLast(line);
          if (recent.size() > 12) {
            recent.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      // QEMU exited: the console ends
    } finally {
      OPEN.values().remove(this);
    }
  }

  private String recentText() {
    synchronized (recent) {
      return String.join(" | ", recent);
    }
  }
}
