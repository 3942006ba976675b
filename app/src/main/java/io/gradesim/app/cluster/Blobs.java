package io.gradesim.app.cluster;

import io.gradesim.app.cluster.ClusterProtocol.Chunk;
import io.gradesim.app.cluster.ClusterProtocol.Fetch;
import io.gradesim.app.cluster.ClusterProtocol.ToBlobs;
import io.gradesim.files.AtomicWrite;
import io.gradesim.files.PartialFiles;
import io.gradesim.files.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Files a node serves by their SHA-256 (a coordinator its inputs, a worker its runs' outputs), and
 * the fetching of such a file from another node in chunks of {@value #CHUNK} bytes (below Artery's
 * 256 KiB frame), one in flight, the whole checked against its hash before it is moved into place.
 */
public final class Blobs {
  /** Bytes per chunk. */
  static final int CHUNK = 192 * 1024;

  /** How long one chunk may take to come back before the fetch fails (a node that went away). */
  static final Duration CHUNK_TIMEOUT = Duration.ofSeconds(60);

  private final Map<String, Path> files = new ConcurrentHashMap<>();

  /** Serves {@code file} under its SHA-256, which it returns. */
  public String add(Path file) throws IOException {
    String hash = Sha256.ofFile(file);
    files.put(hash, file);
    return hash;
  }

  /** Serves {@code file} under {@code hash} (already computed). */
  public void add(String hash, Path file) {
    files.put(hash, file);
  }

  /** Stops serving {@code hash}. */
  public void remove(String hash) {
    files.remove(hash);
  }

  /** The actor that answers {@link Fetch} from these files. */
  public Behavior<ToBlobs> server() {
    return Behaviors.receive(ToBlobs.class).onMessage(Fetch.class, f -> serve(f)).build();
  }

  private Behavior<ToBlobs> serve(Fetch f) {
    Path file = files.get(f.sha256());
    if (file == null) {
      f.replyTo().tell(new Chunk(f.sha256(), f.offset(), new byte[0], -1, "no such file here"));
      return Behaviors.same();
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long total = ch.size();
      int n = (int) Math.max(0, Math.min(CHUNK, total - f.offset()));
      ByteBuffer buf = ByteBuffer.allocate(n);
      while (buf.hasRemaining() && ch.read(buf, f.offset() + buf.position()) >= 0) {
        // read until the chunk is full
      }
      f.replyTo().tell(new Chunk(f.sha256(), f.offset(), buf.array(), total, ""));
    } catch (IOException e) {
      f.replyTo().tell(new Chunk(f.sha256(), f.offset(), new byte[0], -1, e.toString()));
    }
    return Behaviors.same();
  }

  /**
   * Fetches blob {@code sha256} from {@code server} into {@code target} (written under a temporary
   * name, checked, then moved into place); blocks the calling thread, which must not be an actor's.
   */
  public static void fetch(
      ActorSystem<?> system, ActorRef<ToBlobs> server, String sha256, Path target)
      throws IOException {
    Path abs = target.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    MessageDigest digest = Sha256.digest();
    Path temp = PartialFiles.createFile(abs);
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        long offset = 0;
        long total = Long.MAX_VALUE;
        while (offset < total) {
          Chunk c = ask(system, server, sha256, offset);
          if (!c.error().isEmpty()) {
            throw new IOException("fetching " + sha256 + " from " + server + ": " + c.error());
          }
          total = c.total();
          if (c.bytes().length == 0 && offset < total) {
            throw new IOException("fetching " + sha256 + ": empty chunk at " + offset);
          }
          write(out, c.bytes());
          digest.update(c.bytes());
          offset += c.bytes().length;
        }
      }
      String got = HexFormat.of().formatHex(digest.digest());
      if (!got.equals(sha256)) {
        throw new IOException("fetched " + sha256 + " but its bytes hash to " + got);
      }
      AtomicWrite.moveIntoPlace(temp, abs);
    } finally {
      PartialFiles.delete(temp);
    }
  }

  private static void write(OutputStream out, byte[] bytes) throws IOException {
    out.write(bytes);
  }

  private static Chunk ask(
      ActorSystem<?> system, ActorRef<ToBlobs> server, String sha256, long offset)
      throws IOException {
    try {
      return AskPattern.<ToBlobs, Chunk>ask(
              server, r -> new Fetch(sha256, offset, r), CHUNK_TIMEOUT, system.scheduler())
          .toCompletableFuture()
          .get(CHUNK_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching " + sha256, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("fetching " + sha256 + " from " + server + ": " + e, e);
    }
  }
}
