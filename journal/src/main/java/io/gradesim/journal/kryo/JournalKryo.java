package io.gradesim.journal.kryo;

import com.esotericsoftware.kryo.Kryo;
import io.gradesim.journal.RunEvent;
import io.gradesim.journal.RunState;

/**
 * The journal's Kryo: every persisted class registered explicitly at a fixed id (Pekko reserves
 * 0-40, Kryo its own primitives below 10, so ours start at 101), {@code registrationRequired}, and
 * thread-safe pools of Kryo instances and buffers ({@link KryoPool}).
 *
 * <p>Ids are part of the wire format: never reuse or renumber one; add a new class with a new id.
 */
public final class JournalKryo {
  /** Registration id of {@link RunEvent.RunOpened}. */
  public static final int RUN_OPENED = 101;

  /** Registration id of {@link RunEvent.EventChunk}. */
  public static final int EVENT_CHUNK = 102;

  /** Registration id of {@link RunEvent.RunClosed}. */
  public static final int RUN_CLOSED = 103;

  /** Registration id of {@link RunEvent.RunFailed}. */
  public static final int RUN_FAILED = 104;

  /** Registration id of {@link RunState} (snapshots). */
  public static final int RUN_STATE = 105;

  /** Registration id of {@link RunEvent.RunResumed}. */
  public static final int RUN_RESUMED = 106;

  private static final KryoPool POOL = new KryoPool(JournalKryo::newKryo);

  private JournalKryo() {}

  /** A new Kryo with the journal's registrations and nothing else. */
  public static Kryo newKryo() {
    Kryo k = new Kryo();
    k.setRegistrationRequired(true);
    k.setReferences(false);
    k.register(RunEvent.RunOpened.class, new RunEventSerializers.Opened(), RUN_OPENED);
    k.register(RunEvent.EventChunk.class, new RunEventSerializers.Chunk(), EVENT_CHUNK);
    k.register(RunEvent.RunClosed.class, new RunEventSerializers.Closed(), RUN_CLOSED);
    k.register(RunEvent.RunFailed.class, new RunEventSerializers.Failed(), RUN_FAILED);
    k.register(RunState.class, new RunEventSerializers.State(), RUN_STATE);
    k.register(RunEvent.RunResumed.class, new RunEventSerializers.Resumed(), RUN_RESUMED);
    return k;
  }

  /** Serializes a registered object with its class id. */
  public static byte[] toBytes(Object o) {
    return POOL.toBytes(o);
  }

  /** Reads an object written by {@link #toBytes}. */
  public static Object fromBytes(byte[] bytes) {
    return POOL.fromBytes(bytes);
  }

  /** Encodes simulated events {@code [from, to)} as a chunk payload, with a pooled buffer. */
  public static byte[] encodeChunk(
      io.gradesim.simulator.event.SimEvent[] events, int from, int to) {
    return POOL.write(out -> ChunkCodec.encode(events, from, to, out));
  }
}
