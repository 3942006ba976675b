package io.gradesim.journal.kryo;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Thread-safe pools of one kind of Kryo instance and of output buffers (Kryo itself is not
 * thread-safe), and the serialization of registered objects with their class id, as a Pekko
 * serializer needs it: the journal's ({@link JournalKryo}) and the cluster messages' share it.
 */
public final class KryoPool {
  private static final int POOLED = 16;
  private static final int BUFFER = 64 * 1024;

  private final Pool<Kryo> kryos;
  private final Pool<Output> outputs =
      new Pool<>(true, false, POOLED) {
        @Override
        protected Output create() {
          return new Output(BUFFER, -1);
        }
      };

  /** Pools the Kryo instances {@code factory} makes (each with all its registrations). */
  public KryoPool(Supplier<Kryo> factory) {
    this.kryos =
        new Pool<>(true, false, POOLED) {
          @Override
          protected Kryo create() {
            return factory.get();
          }
        };
  }

  /** Serializes a registered object with its class id. */
  public byte[] toBytes(Object o) {
    Kryo kryo = kryos.obtain();
    try {
      return write(out -> kryo.writeClassAndObject(out, o));
    } finally {
      kryos.free(kryo);
    }
  }

  /** Reads an object written by {@link #toBytes}. */
  public Object fromBytes(byte[] bytes) {
    Kryo kryo = kryos.obtain();
    try {
      return kryo.readClassAndObject(new Input(bytes));
    } finally {
      kryos.free(kryo);
    }
  }

  /** The bytes {@code writer} writes into a pooled buffer. */
  public byte[] write(Consumer<Output> writer) {
    Output out = outputs.obtain();
    try {
      out.reset();
      writer.accept(out);
      return out.toBytes();
    } finally {
      outputs.free(out);
    }
  }
}
