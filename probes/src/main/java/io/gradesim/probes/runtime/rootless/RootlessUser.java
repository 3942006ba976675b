package io.gradesim.probes.runtime.rootless;

import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.Label;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The unprivileged user rootless runtimes run as, {@value #NAME}: created by {@code
 * probes/host-setup.sh runtimes} with subordinate uid and gid ranges in {@code /etc/subuid} and
 * {@code /etc/subgid}, which shadow's setuid {@code newuidmap}/{@code newgidmap} (Debian package
 * uidmap) map into a container's user namespace (subuid(5), user_namespaces(7)). Commands run as it
 * through {@code setpriv --reuid --regid --clear-groups} (util-linux), an argument list, with an
 * environment of its own whose home, runtime and temporary folders are a probe's labelled folder,
 * so that nothing is written to the user's real home and every process it starts can be found by
 * its label afterwards.
 *
 * @param name the user name
 * @param uid its uid
 * @param gid its primary gid
 */
public record RootlessUser(String name, int uid, int gid) {
  /** The dedicated user's name. */
  public static final String NAME = "gradesim-rootless";

  /** The user, when {@code /etc/passwd} has it. */
  public static Optional<RootlessUser> find() {
    try {
      for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
        String[] f = line.split(":");
        if (f.length >= 4 && f[0].equals(NAME)) {
          return Optional.of(
              new RootlessUser(NAME, Integer.parseInt(f[2]), Integer.parseInt(f[3])));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Everything missing for running as the user, with what to install or run; empty when none. */
  public static Optional<String> missing() {
    List<String> why = new ArrayList<>();
    if (!"root".equals(System.getProperty("user.name"))) {
      why.add("switching to user " + NAME + " needs root");
    }
    for (String[] tool :
        List.of(
            new String[] {"newuidmap", "uidmap"},
            new String[] {"newgidmap", "uidmap"},
            new String[] {"setpriv", "util-linux"})) {
      if (!HostCommand.onPath(tool[0])) {
        why.add(tool[0] + " missing (Debian package " + tool[1] + ")");
      }
    }
    userMissing().ifPresent(why::add);
    return why.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", why));
  }

  /** What is missing of the user itself (the account, its subordinate ids); empty when none. */
  public static Optional<String> userMissing() {
    Optional<RootlessUser> user = find();
    if (user.isEmpty()) {
      return Optional.of("user " + NAME + " missing (probes/host-setup.sh runtimes creates it)");
    }
    List<String> why = new ArrayList<>();
    for (String file : List.of("/etc/subuid", "/etc/subgid")) {
      if (!user.get().hasRange(Path.of(file))) {
        why.add(
            "no subordinate ids for " + NAME + " in " + file + " (probes/host-setup.sh runtimes)");
      }
    }
    return why.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", why));
  }

  private boolean hasRange(Path file) {
    try {
      for (String line : Files.readAllLines(file)) {
        String[] f = line.strip().split(":");
        if (f.length == 3
            && (f[0].equals(name) || f[0].equals(Integer.toString(uid)))
            && Long.parseLong(f[2]) >= 65536) {
          return true;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return false;
    }
    return false;
  }

  /** {@code argv} run as this user: {@code setpriv --reuid U --regid G --clear-groups -- argv}. */
  public List<String> as(List<String> argv) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "setpriv",
                "--reuid",
                Integer.toString(uid),
                "--regid",
                Integer.toString(gid),
                "--clear-groups",
                "--"));
    cmd.addAll(argv);
    return cmd;
  }

  /**
   * The environment of its commands: home, configuration, data and cache under {@code home}, {@code
   * XDG_RUNTIME_DIR} (which must be private to the user) and {@code TMPDIR} as given.
   */
  public Map<String, String> environment(Path home, Path runtimeDir, Path tmp) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    env.put("USER", name);
    env.put("LOGNAME", name);
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
    env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
    env.put("XDG_RUNTIME_DIR", runtimeDir.toString());
    env.put("TMPDIR", tmp.toString());
    return env;
  }

  /** Creates {@code dirs} and gives {@code top} and each of them to the user, mode 700. */
  public void own(Path top, Path... dirs) throws IOException {
    List<String> chown = new ArrayList<>(List.of("chown", uid + ":" + gid, top.toString()));
    List<String> chmod = new ArrayList<>(List.of("chmod", "700", top.toString()));
    for (Path d : dirs) {
      Files.createDirectories(d);
      chown.add(d.toString());
      chmod.add(d.toString());
    }
    HostCommand.check(chown);
    HostCommand.check(chmod);
  }

  /**
   * The user's processes whose command line, environment or mounts hold a label {@code labelled}
   * accepts (podman's pause process and conmon carry the probe's folders in the first two, a
   * container's init in its root mount), and all their descendants (the containers' processes,
   * which may run as subordinate ids).
   */
  public List<ProcessHandle> processes(Predicate<String> labelled) {
    Set<ProcessHandle> found = new LinkedHashSet<>();
    ProcessHandle.allProcesses()
        .forEach(
            p -> {
              if (ownedByUser(p.pid())) {
                // A container's init shows its labelled root folder only in its mounts.
                String text =
                    read(p.pid(), "cmdline")
                        + " "
                        + read(p.pid(), "environ")
                        + " "
                        + read(p.pid(), "mountinfo");
                if (text.contains(Label.PREFIX) && labelled.test(text)) {
                  found.add(p);
                  p.descendants().forEach(found::add);
                }
              }
            });
    return List.copyOf(found);
  }

  /** Every process whose real uid is the user's, labelled or not. */
  public List<ProcessHandle> owned() {
    return ProcessHandle.allProcesses().filter(p -> ownedByUser(p.pid())).toList();
  }

  /** SIGKILLs {@link #processes} and waits (up to 10 s each) until they are gone. */
  public void kill(Predicate<String> labelled) {
    List<ProcessHandle> found = processes(labelled);
    found.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle p : found) {
      try {
        p.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // a zombie whose parent is gone too is reaped by pid 1; nothing more to do here
      }
    }
  }

  /** Whether the real uid of {@code pid} is this user's ({@code /proc/PID/status}). */
  private boolean ownedByUser(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("Uid:")) {
          return line.substring(4).strip().split("\\s+")[0].equals(Integer.toString(uid));
        }
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
    return false;
  }

  private static String read(long pid, String file) {
    try {
      byte[] b = Files.readAllBytes(Path.of("/proc", Long.toString(pid), file));
      return new String(b, StandardCharsets.UTF_8).replace('\0', ' ');
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
