package io.gradesim.app.cluster;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.RecordSerializer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;

/**
 * The cluster messages' Kryo: every class registered at a fixed id (from 201: the journal's ids
 * start at 101), registration required, actor references as Pekko's serialization format. Ids are
 * part of the wire format between nodes of one version: never reuse one.
 */
final class ClusterKryo {
  private ClusterKryo() {}

  /** A Kryo for the cluster's messages; actor references through {@code refs}. */
  static Kryo newKryo(ActorRefResolver refs) {
    Kryo k = new Kryo();
    k.setRegistrationRequired(true);
    k.setReferences(false);
    k.register(String[].class, 201);
    k.register(byte[].class, 202);
    k.register(ClusterProtocol.Pull.class, new RecordSerializer<>(), 203);
    k.register(ClusterProtocol.Work.class, new RecordSerializer<>(), 204);
    k.register(ClusterProtocol.Ticket.class, new RecordSerializer<>(), 205);
    k.register(ClusterProtocol.Done.class, new RecordSerializer<>(), 206);
    k.register(ClusterProtocol.Fetch.class, new RecordSerializer<>(), 207);
    k.register(ClusterProtocol.Chunk.class, new RecordSerializer<>(), 208);
    k.register(ClusterProtocol.Collected.class, new RecordSerializer<>(), 209);
    k.register(adapterClass(), new RefSerializer(refs), 210);
    return k;
  }

  /** The class of every typed actor reference in a Pekko typed system. */
  private static Class<?> adapterClass() {
    try {
      return Class.forName("org.apache.pekko.actor.typed.internal.adapter.ActorRefAdapter");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Pekko typed actor references not found", e);
    }
  }

  /** An actor reference as its serialization string (address and path). */
  private static final class RefSerializer extends Serializer<ActorRef<?>> {
    private final ActorRefResolver refs;

    RefSerializer(ActorRefResolver refs) {
      this.refs = refs;
      setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, ActorRef<?> ref) {
      output.writeString(refs.toSerializationFormat(ref));
    }

    @Override
    public ActorRef<?> read(Kryo kryo, Input input, Class<? extends ActorRef<?>> type) {
      return refs.resolveActorRef(input.readString());
    }
  }
}
