package io.gradesim.app.cluster;

import io.gradesim.journal.kryo.KryoPool;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.JSerializer;

/**
 * The Pekko serializer of everything marked {@link ClusterSerializable}: Kryo with explicit
 * registration ({@link ClusterKryo}), pooled as the journal's are ({@link KryoPool}); the class id
 * travels in the bytes, so no manifest.
 */
public final class ClusterKryoSerializer extends JSerializer {
  /** This serializer's Pekko id (the journal's is 7401). */
  public static final int IDENTIFIER = 7402;

  private final KryoPool kryos;

  /** Pekko makes one per actor system. */
  public ClusterKryoSerializer(ExtendedActorSystem system) {
    ActorRefResolver refs = ActorRefResolver.get(Adapter.toTyped(system));
    this.kryos = new KryoPool(() -> ClusterKryo.newKryo(refs));
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
    return kryos.toBytes(o);
  }

  @Override
  public Object fromBinaryJava(byte[] bytes, Class<?> manifest) {
    return kryos.fromBytes(bytes);
  }
}
