package io.gradesim.app.cluster;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * The messages between a sweep's coordinator and the worker nodes (work pulling: a worker asks for
 * a run when a core is free) and between blob servers and those that fetch from them. Plain records
 * of strings, numbers, arrays and actor references, registered in {@link ClusterKryo}.
 */
public final class ClusterProtocol {
  private ClusterProtocol() {}

  /** What a coordinator receives. */
  public interface ToCoordinator {}

  /** What a worker receives. */
  public interface ToWorker {}

  /** What a blob server receives. */
  public interface ToBlobs {}

  /** A core of {@code worker} is free: send it a run. */
  public record Pull(ActorRef<ToWorker> worker) implements ToCoordinator, ClusterSerializable {}

  /**
   * A run to do, its inputs named by hash and fetched from {@code inputs}.
   *
   * @param coordinator where the result goes
   * @param inputs the coordinator's blob server
   * @param ticket the run
   */
  public record Work(ActorRef<ToCoordinator> coordinator, ActorRef<ToBlobs> inputs, Ticket ticket)
      implements ToWorker, ClusterSerializable {}

  /**
   * One run by its inputs' hashes.
   *
   * @param runId the run's id (one hash of the four input hashes and the seed)
   * @param trace the trace as the coordinator was given it (the outputs name it so)
   * @param traceSha256 SHA-256 of the trace file (its blob)
   * @param scenarioFile the scenario's file name
   * @param scenarioBlob SHA-256 of the scenario with its includes inlined (its blob)
   * @param scenarioSha256 the resolved scenario's hash, which the worker's run must reproduce
   * @param overrides the scenario overrides
   * @param calibration the calibration profile as the coordinator was given it, "" for none
   * @param calibrationSha256 its SHA-256 (its blob), "" for none
   * @param journal the journal the sweep records into ("none" for none)
   */
  public record Ticket(
      String runId,
      String trace,
      String traceSha256,
      String scenarioFile,
      String scenarioBlob,
      String scenarioSha256,
      String[] overrides,
      String calibration,
      String calibrationSha256,
      String journal)
      implements ClusterSerializable {}

  /**
   * A run ended on {@code worker} (which now has a free core again).
   *
   * @param worker the worker
   * @param runId the run
   * @param outputs the worker's blob server holding the output files
   * @param files the output files' names
   * @param hashes their SHA-256, in the same order
   * @param events events simulated
   * @param submissions submissions simulated
   * @param runNanos the run's own wall time on the worker (0 when it was exported from the
   *     journal), which the coordinator subtracts to measure the cluster's overhead per run
   * @param summary the run's summary.json
   * @param failure why the run failed, "" if it completed
   */
  public record Done(
      ActorRef<ToWorker> worker,
      String runId,
      ActorRef<ToBlobs> outputs,
      String[] files,
      String[] hashes,
      long events,
      long submissions,
      long runNanos,
      String summary,
      String failure)
      implements ToCoordinator, ClusterSerializable {}

  /** Asks for bytes {@code [offset, offset + chunk)} of the blob {@code sha256}. */
  public record Fetch(String sha256, long offset, ActorRef<Chunk> replyTo)
      implements ToBlobs, ClusterSerializable {}

  /** The coordinator has collected a run's outputs: the worker may drop its copies. */
  public record Collected(String runId) implements ToWorker, ClusterSerializable {}

  /**
   * Bytes of a blob from {@code offset}; {@code total} is its size; {@code error} says why there
   * are none ("" if all is well).
   */
  public record Chunk(String sha256, long offset, byte[] bytes, long total, String error)
      implements ClusterSerializable {}
}
