package io.gradesim.app.bench;

import io.gradesim.app.cluster.ClusterSecret;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The worker nodes of {@code bench cluster}: {@code gradesim cluster node --cores 1} JVMs pinned to
 * one core each with {@code taskset -c CORE} (util-linux), joined to the bench's process, with a
 * shared secret written for them. Nodes stop when their standard input ends ({@code
 * --stop-on-eof}), so none outlives the bench, even one that was killed; closing stops them all.
 */
final class WorkerNodes implements AutoCloseable {
  /** How long a node may take to become a member before the bench gives up. */
  private static final long UP_SECONDS = 120;

  private final Path dir;
  private final Path secret;
  private final List<Process> nodes = new ArrayList<>();
  private final Thread onExit = new Thread(this::stopAll, "gradesim-bench-nodes");

  /** Nodes with their data folder and logs under {@code dir}. */
  WorkerNodes(Path dir) throws IOException {
    this.dir = dir;
    this.secret = dir.resolve("cluster-secret");
    Files.createFile(
        secret, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(secret, ClusterSecret.generate() + "\n", StandardCharsets.UTF_8);
    Runtime.getRuntime().addShutdownHook(onExit);
  }

  /** The secret file the nodes were given. */
  Path secret() {
    return secret;
  }

  /** Fails with the remedy when {@code taskset} cannot be run. */
  static void checkTaskset() throws InterruptedException {
    try {
      Process p =
          new ProcessBuilder("taskset", "-c", "0", "true").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (p.waitFor() == 0) {
        return;
      }
    } catch (IOException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "bench cluster: 'taskset -c 0 true' failed: install util-linux (it pins the worker nodes"
            + " to one core each)");
  }

  /** Starts a node pinned to {@code core} that joins 127.0.0.1:{@code join}; returns once up. */
  void start(int join, int core) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("taskset", "-c", Integer.toString(core)));
    cmd.addAll(SimulateProcessBench.javaCommand(dir.resolve("home")));
    cmd.addAll(
        List.of(
            "cluster",
            "node",
            "--port",
            "0",
            "--join",
            "127.0.0.1:" + join,
            "--cores",
            "1",
            "--secret-file",
            secret.toString(),
            "--stop-on-eof"));
    Path log = dir.resolve("node-" + nodes.size() + "-core-" + core + ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    synchronized (nodes) {
      nodes.add(p);
    }
    CompletableFuture<String> up = new CompletableFuture<>();
    Thread drain = new Thread(() -> drain(p, log, up), "gradesim-bench-node-" + core);
    drain.setDaemon(true);
    drain.start();
    try {
      up.get(UP_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException(
          "bench cluster: the worker node on core "
              + core
              + " did not come up: "
              + Files.readString(log, StandardCharsets.UTF_8),
          e);
    }
  }

  /** Copies the node's lines to {@code log}; completes {@code up} at its first "up" line. */
  private static void drain(Process p, Path log, CompletableFuture<String> up) {
    try (BufferedReader r =
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        w.write(line + "\n");
        if (line.startsWith("cluster node up at ")) {
          w.flush();
          up.complete(line);
        }
      }
    } catch (IOException e) {
      // the node's output ended with it
    }
    up.completeExceptionally(new IOException("the node ended"));
  }

  /** Stops every node (their standard input closed: they leave the cluster) and waits for them. */
  void stopAll() {
    synchronized (nodes) {
      for (Process p : nodes) {
        try {
          p.getOutputStream().close();
        } catch (IOException e) {
          p.destroy();
        }
      }
      for (Process p : nodes) {
        try {
          if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
          }
        } catch (InterruptedException e) {
          p.destroyForcibly();
          Thread.currentThread().interrupt();
        }
      }
      nodes.clear();
    }
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(onExit);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook runs stopAll itself
    }
  }
}
