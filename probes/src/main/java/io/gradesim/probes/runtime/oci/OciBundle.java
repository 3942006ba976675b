package io.gradesim.probes.runtime.oci;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gradesim.probes.runtime.ContainerSpec;
import io.gradesim.probes.runtime.Limits;
import io.gradesim.probes.runtime.Placement;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an OCI bundle's {@code config.json} (runtime-spec 1.0.2) into a container's directory. The
 * root is the shared cached busybox tree (read-only when asked), {@code /tmp} is a private tmpfs so
 * payloads never write into the cache; pid, network, ipc, uts and mount namespaces; the limits
 * become a cgroup memory limit and an RLIMIT_CPU, the placement a cgroup cpuset and read-only bind
 * mounts.
 */
public final class OciBundle {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> CAPS =
      List.of(
          "CAP_CHOWN",
          "CAP_DAC_OVERRIDE",
          "CAP_FOWNER",
          "CAP_FSETID",
          "CAP_KILL",
          "CAP_SETGID",
          "CAP_SETUID",
          "CAP_SETPCAP",
          "CAP_NET_BIND_SERVICE",
          "CAP_SYS_CHROOT",
          "CAP_AUDIT_WRITE",
          "CAP_SETFCAP");

  private OciBundle() {}

  /** Writes {@code spec.dir()/config.json} running {@code args}; returns the bundle dir. */
  public static Path write(ContainerSpec spec, List<String> args) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("ociVersion", "1.0.2");
    root.set("process", process(args, spec.limits()));
    ObjectNode fs = root.putObject("root");
    fs.put("path", spec.images().rootfs().toString());
    fs.put("readonly", spec.limits().readOnlyRoot());
    root.put("hostname", "gradesim");
    ArrayNode mounts = root.putArray("mounts");
    mount(mounts, "/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev"));
    mount(mounts, "/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755"));
    mount(
        mounts,
        "/dev/pts",
        "devpts",
        "devpts",
        List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620"));
    mount(mounts, "/dev/shm", "tmpfs", "shm", List.of("nosuid", "noexec", "nodev", "size=65536k"));
    mount(mounts, "/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", "ro"));
    mount(mounts, "/tmp", "tmpfs", "tmpfs", List.of("nosuid", "nodev", "mode=1777"));
    for (Placement.Bind b : spec.placement().binds()) {
      mount(mounts, b.target(), "bind", b.source().toString(), List.of("rbind", "ro", "nosuid"));
    }
    root.set("linux", linux(spec));
    Path file = spec.dir().resolve("config.json");
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    return spec.dir();
  }

  /** Writes {@code spec.dir()/NAME} holding just the process (for {@code exec --process}). */
  public static Path writeProcess(ContainerSpec spec, String name, List<String> args)
      throws IOException {
    Path file = spec.dir().resolve(name);
    JSON.writeValue(file.toFile(), process(args, spec.limits()));
    return file;
  }

  /**
   * The OCI process running {@code args} as root with the default capabilities, PATH, RLIMIT_NOFILE
   * and, when limited, RLIMIT_CPU; no new privileges.
   */
  public static ObjectNode process(List<String> args, Limits limits) {
    ObjectNode p = JSON.createObjectNode();
    p.put("terminal", false);
    ObjectNode user = p.putObject("user");
    user.put("uid", 0);
    user.put("gid", 0);
    args.forEach(p.putArray("args")::add);
    p.putArray("env").add("PATH=/usr/sbin:/usr/bin:/sbin:/bin");
    p.put("cwd", "/");
    ObjectNode caps = p.putObject("capabilities");
    for (String set : List.of("bounding", "effective", "permitted")) {
      CAPS.forEach(caps.putArray(set)::add);
    }
    ArrayNode rlimits = p.putArray("rlimits");
    rlimit(rlimits, "RLIMIT_NOFILE", 1024);
    if (limits.cpuSeconds() > 0) {
      rlimit(rlimits, "RLIMIT_CPU", limits.cpuSeconds());
    }
    p.put("noNewPrivileges", true);
    return p;
  }

  private static ObjectNode linux(ContainerSpec spec) {
    ObjectNode linux = JSON.createObjectNode();
    ObjectNode resources = linux.putObject("resources");
    ObjectNode deny = resources.putArray("devices").addObject();
    deny.put("allow", false);
    deny.put("access", "rwm");
    if (spec.limits().memoryMb() > 0) {
      long bytes = spec.limits().memoryMb() * 1024L * 1024L;
      ObjectNode memory = resources.putObject("memory");
      memory.put("limit", bytes);
      memory.put("swap", bytes);
    }
    if (!spec.placement().cpus().isEmpty()) {
      resources.putObject("cpu").put("cpus", spec.placement().cpus());
    }
    linux.put("cgroupsPath", "/" + spec.name());
    ArrayNode ns = linux.putArray("namespaces");
    for (String type : List.of("pid", "network", "ipc", "uts", "mount")) {
      ns.addObject().put("type", type);
    }
    List.of("/proc/kcore", "/proc/keys", "/proc/timer_list", "/sys/firmware")
        .forEach(linux.putArray("maskedPaths")::add);
    List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger")
        .forEach(linux.putArray("readonlyPaths")::add);
    return linux;
  }

  private static void mount(
      ArrayNode mounts, String dest, String type, String src, List<String> options) {
    ObjectNode m = mounts.addObject();
    m.put("destination", dest);
    m.put("type", type);
    m.put("source", src);
    options.forEach(m.putArray("options")::add);
  }

  private static void rlimit(ArrayNode rlimits, String type, long value) {
    ObjectNode r = rlimits.addObject();
    r.put("type", type);
    r.put("hard", value);
    r.put("soft", value);
  }
}
