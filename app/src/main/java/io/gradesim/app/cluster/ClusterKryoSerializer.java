package io.gradesim.app.cluster;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.JSerializer;

/**
 * The Pekko serializer of everything marked {@link ClusterSerializable}: Kryo with explicit
 * registration ({@link ClusterKryo}); the class id travels in the bytes, so no manifest.
 */
public final class ClusterKryoSerializer extends JSerializer {
  /** This serializer's Pekko id (the journal's is 7401). */
  public static final int IDENTIFIER = 7402;

  private final Pool<Kryo> kryos;

  /** Pekko makes one per actor system. */
  public ClusterKryoSerializer(ExtendedActorSystem system) {
    ActorRefResolver refs = ActorRefResolver.get(Adapter.toTyped(system));
    this.kryos =
        new Pool<>(true, false, 16) {
          @Override
          protected Kryo create() {
            return ClusterKryo.newKryo(refs);
          }
        };
  }

  @Override
  public int identifier() {
    return IDENTIFIER;
  }

  @Override
  public boolean includeManifest() {
    return false;
  }

  @Override
  public byte[] toBinary(Object o) {
    Kryo kryo = kryos.obtain();
    try (Output out = new Output(4096, -1)) {
      kryo.writeClassAndObject(out, o);
      return out.toBytes();
    } finally {
      kryos.free(kryo);
    }
  }

  @Override
  public Object fromBinaryJava(byte[] bytes, Class<?> manifest) {
    Kryo kryo = kryos.obtain();
    try {
      return kryo.readClassAndObject(new Input(bytes));
    } finally {
      kryos.free(kryo);
    }
  }
}
