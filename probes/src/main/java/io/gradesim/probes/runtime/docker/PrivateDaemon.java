package io.gradesim.probes.runtime.docker;

import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.engine.StorageRoot;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A dockerd of the probe's own for a storage driver other than the user's daemon's: its data root,
 * exec root (with its own managed containerd), socket and pid file in a labelled {@link
 * StorageRoot}, its containerd namespaces named after the driver, no bridge and no iptables rules
 * (probe containers have no network). The user's daemon and its storage are never touched. It reads
 * the host's /etc/docker/daemon.json, which registers crun and runsc.
 */
final class PrivateDaemon implements AutoCloseable {
  private static final Duration READY = Duration.ofSeconds(90);

  private final StorageRoot storage;
  private final Process process;
  private final Path socket;

  private PrivateDaemon(StorageRoot storage, Process process, Path socket) {
    this.storage = storage;
    this.process = process;
    this.socket = socket;
  }

  /** Starts a dockerd with {@code driver} and waits until it answers. */
  static PrivateDaemon start(String driver) throws IOException {
    StorageRoot storage = StorageRoot.create("dockerd", driver);
    Path dir = storage.dir();
    Path socket = dir.resolve("d.sock");
    Process p;
    try {
      p =
          new ProcessBuilder(
                  List.of(
                      "dockerd",
                      "--data-root",
                      storage.root().resolve("data").toString(),
                      "--exec-root",
                      dir.resolve("x").toString(),
                      "--pidfile",
                      dir.resolve("d.pid").toString(),
                      "--host",
                      "unix://" + socket,
                      "--storage-driver",
                      driver,
                      "--bridge",
                      "none",
                      "--iptables=false",
                      "--ip-masq=false",
                      "--containerd-namespace",
                      "gradesim-" + driver,
                      "--containerd-plugins-namespace",
                      "gradesim-" + driver + "-plugins"))
              .redirectInput(new File("/dev/null"))
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("dockerd.log").toFile())
              .start();
    } catch (IOException e) {
      storage.close();
      throw e;
    }
    PrivateDaemon d = new PrivateDaemon(storage, p, socket);
    long deadline = System.nanoTime() + READY.toNanos();
    while (true) {
      if (!p.isAlive()) {
        String log = d.log();
        d.close();
        throw new IOException("dockerd --storage-driver " + driver + " exited: " + log);
      }
      if (Files.exists(socket)
          && HostCommand.quietly(List.of(DockerDriver.CLIENT, "--host", d.host(), "version"))
              .ok()) {
        return d;
      }
      if (System.nanoTime() > deadline) {
        String log = d.log();
        d.close();
        throw new IOException("dockerd --storage-driver " + driver + " did not answer: " + log);
      }
      LockSupport.parkNanos(100_000_000);
    }
  }

  /** The client's {@code --host} value. */
  String host() {
    return "unix://" + socket;
  }

  /** The labelled folder holding its storage (what the janitor's predicate is asked about). */
  Path dir() {
    return storage.dir();
  }

  private String log() {
    try {
      List<String> lines = Files.readAllLines(storage.dir().resolve("dockerd.log"));
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  /** Stops the daemon (TERM, then KILL of it and its containerd), then removes its storage. */
  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    children.forEach(ProcessHandle::destroyForcibly);
    storage.close();
  }
}
