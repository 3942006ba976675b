package io.gradesim.probes.runtime.rootless;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gradesim.probes.runtime.Limits;
import io.gradesim.probes.runtime.Placement;
import io.gradesim.probes.runtime.oci.OciBundle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code config.json} (OCI runtime-spec 1.0.2) of a {@link PrototypeDriver} container: the
 * copied writable layer as root, each read-only part of the image bound read-only at its place,
 * {@code /tmp} a private tmpfs; user, pid, network, ipc, uts and mount namespaces, the user
 * namespace mapping the one unprivileged uid and gid to root (which an unprivileged process may
 * write itself: user_namespaces(7)); no cgroups (crun runs with its cgroup manager disabled), so
 * the only limits are rlimits and a read-only root.
 */
final class PrototypeBundle {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PrototypeBundle() {}

  /**
   * Writes {@code bundle/config.json} running {@code args} on {@code layer}, with {@code image}'s
   * entries {@code readOnly} bound read-only, the placement's {@code binds} read-only at their
   * targets, as {@code user} mapped to root.
   */
  static void write(
      Path bundle,
      Path layer,
      Path image,
      List<String> readOnly,
      List<Placement.Bind> binds,
      RootlessUser user,
      List<String> args,
      Limits limits)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("ociVersion", "1.0.2");
    root.set("process", OciBundle.process(args, limits));
    ObjectNode fs = root.putObject("root");
    fs.put("path", layer.toString());
    fs.put("readonly", limits.readOnlyRoot());
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
    // sysfs belongs to the host's user namespace: bound read-only, as rootless podman does.
    mount(mounts, "/sys", "none", "/sys", List.of("rbind", "nosuid", "noexec", "nodev", "ro"));
    mount(mounts, "/tmp", "tmpfs", "tmpfs", List.of("nosuid", "nodev", "mode=1777"));
    for (String part : readOnly) {
      mount(mounts, "/" + part, "bind", image.resolve(part).toString(), List.of("rbind", "ro"));
    }
    for (Placement.Bind b : binds) {
      mount(mounts, b.target(), "bind", b.source().toString(), List.of("rbind", "ro"));
    }
    ObjectNode linux = root.putObject("linux");
    ArrayNode ns = linux.putArray("namespaces");
    for (String type : List.of("user", "pid", "network", "ipc", "uts", "mount")) {
      ns.addObject().put("type", type);
    }
    map(linux.putArray("uidMappings"), user.uid());
    map(linux.putArray("gidMappings"), user.gid());
    List.of("/proc/kcore", "/proc/keys", "/proc/timer_list", "/sys/firmware")
        .forEach(linux.putArray("maskedPaths")::add);
    List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger")
        .forEach(linux.putArray("readonlyPaths")::add);
    JSON.writerWithDefaultPrettyPrinter().writeValue(bundle.resolve("config.json").toFile(), root);
  }

  /** Writes {@code file} holding just the process (for {@code crun exec --process}). */
  static void writeProcess(Path file, List<String> args, Limits limits) throws IOException {
    JSON.writeValue(file.toFile(), OciBundle.process(args, limits));
  }

  private static void map(ArrayNode mappings, int hostId) {
    ObjectNode m = mappings.addObject();
    m.put("containerID", 0);
    m.put("hostID", hostId);
    m.put("size", 1);
  }

  private static void mount(
      ArrayNode mounts, String dest, String type, String src, List<String> options) {
    ObjectNode m = mounts.addObject();
    m.put("destination", dest);
    m.put("type", type);
    m.put("source", src);
    options.forEach(m.putArray("options")::add);
  }
}
