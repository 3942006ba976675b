package io.gradesim.probes.runtime.qemu;

import io.gradesim.probes.runtime.Availability;
import io.gradesim.probes.runtime.Capability;
import io.gradesim.probes.runtime.Container;
import io.gradesim.probes.runtime.ContainerSpec;
import io.gradesim.probes.runtime.ExecResult;
import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.HostNeeds;
import io.gradesim.probes.runtime.RuntimeDriver;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A QEMU microVM (qemu.org, docs/system/i386/microvm) booting the host's Debian kernel with the
 * busybox initramfs, no network and no disk: create = launch {@code qemu-system-x86_64 -M microvm
 * -S} (machine built, CPUs paused); start = {@code cont} on the monitor socket and wait for the
 * guest's {@code gradesim-ready} on the serial console; exec = send the command over the console
 * and wait for {@code gradesim-done}; stop = ask the guest to power off and reap QEMU; remove =
 * delete the VM's directory. KVM when {@code /dev/kvm} exists and the CPU has vmx/svm; otherwise
 * TCG, and results are labelled {@code qemu-emulated}. Under TCG the microVM boots only with ACPI
 * off and the legacy PIT, PIC and RTC on.
 */
public final class QemuDriver implements RuntimeDriver {
  private static final String BINARY = "qemu-system-x86_64";
  private static final Duration BOOT = Duration.ofSeconds(180);

  @Override
  public Set<Capability> capabilities() {
    // Guest RAM bounds the whole VM, but the guest has no per-process limit: a large allocation
    // fails with ENOMEM instead of being killed, so there is no limit to check here.
    return EnumSet.noneOf(Capability.class);
  }

  @Override
  public Availability availability() {
    return binaryAvailability()
        .and(
            kernel().isPresent()
                ? Optional.empty()
                : Optional.of("no /boot/vmlinuz-* (Debian package linux-image-amd64)"))
        .and(HostNeeds.tools("cp=coreutils", "mknod=coreutils"))
        .and(HostNeeds.busyboxImage());
  }

  private static Availability binaryAvailability() {
    if (!HostCommand.onPath(BINARY)) {
      return Availability.unavailable(BINARY + " is missing (Debian package qemu-system-x86)");
    }
    try {
      String v = HostCommand.firstLine(List.of(BINARY, "--version"));
      return Availability.available(v + (kvm() ? " (KVM)" : " (TCG, emulated: no usable KVM)"));
    } catch (IOException e) {
      return Availability.unavailable(e.getMessage());
    }
  }

  @Override
  public String resultLabel(String runtimeName) {
    return kvm() ? runtimeName : runtimeName + "-emulated";
  }

  /** Whether KVM is real here: the device exists and the CPU offers hardware virtualisation. */
  static boolean kvm() {
    try {
      return Files.exists(Path.of("/dev/kvm"))
          && Files.readString(Path.of("/proc/cpuinfo")).matches("(?s).*\\b(vmx|svm)\\b.*");
    } catch (IOException e) {
      return false;
    }
  }

  static Optional<Path> kernel() {
    try (Stream<Path> boot = Files.list(Path.of("/boot"))) {
      return boot.filter(p -> p.getFileName().toString().startsWith("vmlinuz-"))
          .max(Comparator.comparing(Path::toString));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public Container create(ContainerSpec spec) throws IOException {
    Path monitor = spec.dir().resolve("monitor.sock");
    int memory = Math.max(128, spec.limits().memoryMb());
    List<String> cmd =
        new ArrayList<>(
            List.of(
                BINARY,
                "-M",
                kvm() ? "microvm" : "microvm,pit=on,pic=on,rtc=on,acpi=off",
                "-accel",
                kvm() ? "kvm" : "tcg",
                "-m",
                Integer.toString(memory),
                "-smp",
                "1",
                "-nodefaults",
                "-no-user-config",
                "-display",
                "none",
                "-no-reboot",
                "-S",
                "-serial",
                "stdio",
                "-monitor",
                "unix:" + monitor + ",server=on,wait=off",
                "-kernel",
                kernel().orElseThrow().toString(),
                "-initrd",
                spec.images().initramfs().toString(),
                "-append",
                "console=ttyS0 quiet panic=-1 reboot=t lpj=1000000"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    Container c = new Container(spec);
    c.process(p);
    c.pid(p.pid());
    Console.attach(c);
    awaitSocket(monitor, p);
    return c;
  }

  @Override
  public void start(Container c) throws IOException {
    Path monitor = c.spec().dir().resolve("monitor.sock");
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(monitor));
      // The human monitor reads commands only after printing its prompt.
      awaitPrompt(ch);
      ch.write(ByteBuffer.wrap("cont\n".getBytes(StandardCharsets.US_ASCII)));
      awaitPrompt(ch);
    }
    Console.of(c).await("gradesim-ready", BOOT);
  }

  @Override
  public ExecResult exec(Container c, List<String> argv, Duration timeout) throws IOException {
    return Console.of(c).exec(argv, timeout);
  }

  @Override
  public void stop(Container c) throws IOException {
    Console.of(c).send(List.of("poweroff 0"));
    try {
      // A guest busy with an overrunning payload does not read its console: after 5 s the VM
      // is killed, as docker stop escalates to SIGKILL.
      if (!c.process().waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        HostCommand.kill(c.process());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      HostCommand.kill(c.process());
      throw new IOException("interrupted while stopping " + c.name(), e);
    }
  }

  @Override
  public void remove(Container c) throws IOException {
    if (c.process().isAlive()) {
      HostCommand.kill(c.process());
    }
    Files.deleteIfExists(c.spec().dir().resolve("monitor.sock"));
  }

  @Override
  public void cleanup(Predicate<String> labelled) {
    // A VM is a child process with a labelled monitor path: kill any still running.
    ProcessHandle.allProcesses()
        .filter(
            h ->
                h.info()
                    .commandLine()
                    .map(cl -> cl.contains(BINARY) && labelled.test(cl))
                    .orElse(false))
        .forEach(ProcessHandle::destroyForcibly);
  }

  private static void awaitPrompt(SocketChannel ch) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(4096);
    StringBuilder seen = new StringBuilder();
    while (seen.indexOf("(qemu)") < 0) {
      buf.clear();
      if (ch.read(buf) < 0) {
        throw new IOException("QEMU monitor closed: " + seen);
      }
      seen.append(new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII));
    }
  }

  private static void awaitSocket(Path monitor, Process p) throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!Files.exists(monitor)) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        HostCommand.kill(p);
        throw new IOException("QEMU did not open its monitor: " + Console.tail(p));
      }
      java.util.concurrent.locks.LockSupport.parkNanos(500_000);
    }
  }
}
