package io.gradesim.probes.runtime;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of everything a probe creates: {@code gradesim-probe-<pid>-<kind><n>}. The pid of the
 * probing JVM in the name lets a later probe sweep what a crashed one left behind.
 */
public final class Label {
  /** The prefix of every labelled object. */
  public static final String PREFIX = "gradesim-probe-";

  private static final Pattern OWNER = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-");
  private static final long PID = ProcessHandle.current().pid();
  private static final AtomicLong NEXT = new AtomicLong();

  private Label() {}

  /** The prefix of this JVM's labels. */
  public static String own() {
    return PREFIX + PID + "-";
  }

  /** A fresh label of this JVM, e.g. {@code gradesim-probe-4242-c17}. */
  public static String next(String kind) {
    return own() + kind + NEXT.incrementAndGet();
  }

  /** The pid of the JVM that made a label found anywhere in {@code text}, if any. */
  public static OptionalLong owner(String text) {
    Matcher m = OWNER.matcher(text);
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  /** Whether {@code text} holds a label of this JVM. */
  public static boolean isOwn(String text) {
    return text.contains(own());
  }

  /** Whether {@code text} holds a label whose JVM is no longer alive (left by a crash). */
  public static boolean isOrphan(String text) {
    OptionalLong pid = owner(text);
    return pid.isPresent()
        && pid.getAsLong() != PID
        && ProcessHandle.of(pid.getAsLong()).map(p -> !p.isAlive()).orElse(true);
  }

  /** Whether {@code text} holds a label this JVM may remove: its own or an orphan's. */
  public static boolean isOwnOrOrphan(String text) {
    return isOwn(text) || isOrphan(text);
  }
}
