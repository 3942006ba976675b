package io.gradesim.journal.kryo;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import io.gradesim.journal.RunEvent;
import io.gradesim.journal.RunState;

/**
 * The journal's Kryo: every persisted class registered explicitly at a fixed id (Pekko reserves
 * 0-40, Kryo its own primitives below 10, so ours start at 101), {@code registrationRequired}, and
 * thread-safe pools of Kryo instances and buffers (Kryo itself is not thread-safe).
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

  private static final Pool<Kryo> KRYOS =
      new Pool<>(true, false, 16) {
        @Override
        protected Kryo create() {
          return newKryo();
        }
      };
  private static final Pool<Output> OUTPUTS =
      new Pool<>(true, false, 16) {
        @Override
        protected Output create() {
          return new Output(64 * 1024, -1);
        }
      };

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
    Kryo kryo = KRYOS.obtain();
    Output out = OUTPUTS.obtain();
    try {
      out.reset();
      kryo.writeClassAndObject(out, o);
      return out.toBytes();
    } finally {
      OUTPUTS.free(out);
      KRYOS.free(kryo);
    }
  }

  /** Reads an object written by {@link #toBytes}. */
  public static Object fromBytes(byte[] bytes) {
    Kryo kryo = KRYOS.obtain();
    try {
      return kryo.readClassAndObject(new Input(bytes));
    } finally {
      KRYOS.free(kryo);
    }
  }

  /** Encodes simulated events {@code [from, to)} as a chunk payload, with a pooled buffer. */
  public static byte[] encodeChunk(
      io.gradesim.simulator.event.SimEvent[] events, int from, int to) {
    Output out = OUTPUTS.obtain();
    try {
      out.reset();
      ChunkCodec.encode(events, from, to, out);
      return out.toBytes();
    } finally {
      OUTPUTS.free(out);
    }
  }
}
