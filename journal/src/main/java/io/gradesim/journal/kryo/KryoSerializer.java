package io.gradesim.journal.kryo;

import org.apache.pekko.serialization.JSerializer;

/**
 * The Pekko serializer of everything marked {@link io.gradesim.journal.JournalSerializable}: Kryo
 * with explicit registration ({@link JournalKryo}). The class id travels inside the bytes, so no
 * manifest is needed.
 */
public final class KryoSerializer extends JSerializer {
  /** This serializer's Pekko id (Pekko reserves 0-40). */
  public static final int IDENTIFIER = 7401;

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
    return JournalKryo.toBytes(o);
  }

  @Override
  public Object fromBinaryJava(byte[] bytes, Class<?> manifest) {
    return JournalKryo.fromBytes(bytes);
  }
}
