package io.gradesim.app.system;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.gradesim.journal.JournalActors;
import io.gradesim.journal.JournalTarget;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import picocli.CommandLine;

/**
 * The one Pekko actor system of a command: started lazily at the first {@link #get} or {@link
 * #system(JournalTarget)} (a command that needs no actors never starts it), with the settings of
 * every module merged (system properties, the journal's {@code gradesim-journal.conf} with the
 * database of {@code --journal}, the runs' {@code gradesim-runs.conf}, the libraries'
 * reference.conf), and terminated once by {@link #close}, which the root command calls when the
 * command ends, also on errors. Sweeps and the journal are handed it; no library module starts its
 * own (STYLE.md rule 6b).
 *
 * <p>The journal's database is part of the system's configuration, so the journal must be named
 * before the system starts: a command that journals asks for {@link #system(JournalTarget)} first.
 */
public final class GradesimSystem implements JournalActors, AutoCloseable {
  /** The actor system's name: its threads are named {@code gradesim-...}. */
  public static final String NAME = "gradesim";

  /** The dispatcher runs use: a fixed pool of one thread per processor. */
  public static final String RUN_DISPATCHER = "gradesim-run-dispatcher";

  private static final AtomicInteger STARTED = new AtomicInteger();

  /** The root command of a command line, which owns its actor system. */
  public interface Owner {
    /** The command line's actor system. */
    GradesimSystem actors();
  }

  /** The actor system of the command line that {@code spec} belongs to. */
  public static GradesimSystem of(CommandLine.Model.CommandSpec spec) {
    if (spec.root().userObject() instanceof Owner owner) {
      return owner.actors();
    }
    throw new IllegalStateException("the root command does not own an actor system");
  }

  private ActorSystem<Void> system;
  private JournalTarget journal = JournalTarget.NONE;
  private Config extra = ConfigFactory.empty();
  private boolean closed;

  /** The process's actor system, started now if it is not yet, without a journal. */
  public synchronized ActorSystem<Void> get() {
    if (system == null) {
      start();
    }
    return system;
  }

  /**
   * The actor system configured for {@code target}; starts it with {@code target}'s settings if it
   * is not yet started. A system already started without that journal cannot take it (Pekko reads
   * its plugins' settings once): IllegalStateException.
   */
  @Override
  public synchronized ActorSystem<Void> system(JournalTarget target) {
    if (system == null) {
      journal = target;
      start();
    } else if (!journal.equals(target)) {
      throw new IllegalStateException(
          "the actor system was started for journal "
              + journal.label()
              + ", not "
              + target.label());
    }
    return system;
  }

  /** Adds {@code settings} (a cluster node's) over the others; only before the system starts. */
  public synchronized void configure(Config settings) {
    if (system != null) {
      throw new IllegalStateException("the actor system is already started");
    }
    extra = settings.withFallback(extra);
  }

  /** True once the actor system was started. */
  public synchronized boolean started() {
    return system != null;
  }

  /** How many actor systems this class started in this JVM (a command starts at most one). */
  public static int startedInJvm() {
    return STARTED.get();
  }

  private void start() {
    if (closed) {
      throw new IllegalStateException("the command's actor system was already terminated");
    }
    system = ActorSystem.create(Behaviors.empty(), NAME, extra.withFallback(config(journal)));
    STARTED.incrementAndGet();
  }

  /** The merged configuration for a system writing {@code journal} (none: no journal). */
  static Config config(JournalTarget journal) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    return ConfigFactory.defaultOverrides()
        .withFallback(
            ConfigFactory.parseString(
                RUN_DISPATCHER + ".thread-pool-executor.fixed-pool-size = " + threads))
        .withFallback(journal.settings())
        .withFallback(ConfigFactory.parseResources("gradesim-runs.conf"))
        .withFallback(ConfigFactory.defaultReference())
        .resolve();
  }

  /** Terminates the actor system if it was started, and waits until it is gone (at most 30 s). */
  @Override
  public synchronized void close() {
    closed = true;
    if (system == null) {
      return;
    }
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Going away either way: nothing left to save.
    }
  }
}
