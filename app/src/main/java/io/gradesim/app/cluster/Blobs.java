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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
 * 256 KiB frame), {@value #WINDOW} in flight, the whole checked against its hash before it is moved
 * into place.
 */
public final class Blobs {
  /** Bytes per chunk. */
  static final int CHUNK = 192 * 1024;

  /** Chunks asked for at once. */
  static final int WINDOW = 4;

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

  /** Stops serving {@code hash} from {@code file} (another file of the same bytes stays served). */
  public void remove(String hash, Path file) {
    files.remove(hash, file);
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
   * Once the first chunk has told the size, up to {@value #WINDOW} chunks are asked for at once, so
   * a large file costs about one round trip per {@value #WINDOW} chunks, not per chunk.
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
        Chunk first = await(ask(system, server, sha256, 0), server, sha256);
        long total = first.total();
        long offset = append(out, digest, first, 0, total, sha256);
        Deque<CompletableFuture<Chunk>> window = new ArrayDeque<>();
        long next = offset;
        while (offset < total) {
          while (window.size() < WINDOW && next < total) {
            window.add(ask(system, server, sha256, next));
            next += CHUNK;
          }
          offset = append(out, digest, await(window.poll(), server, sha256), offset, total, sha256);
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

  /** Writes chunk {@code c}, which must start at {@code offset}; returns the offset after it. */
  private static long append(
      OutputStream out, MessageDigest digest, Chunk c, long offset, long total, String sha256)
      throws IOException {
    if (!c.error().isEmpty()) {
      throw new IOException("fetching " + sha256 + ": " + c.error());
    }
    if (c.offset() != offset || c.total() != total) {
      throw new IOException(
          "fetching "
              + sha256
              + ": got bytes from "
              + c.offset()
              + " of "
              + c.total()
              + ", expected from "
              + offset
              + " of "
              + total);
    }
    if (c.bytes().length == 0 && offset < total) {
      throw new IOException("fetching " + sha256 + ": empty chunk at " + offset);
    }
    write(out, c.bytes());
    digest.update(c.bytes());
    return offset + c.bytes().length;
  }

  private static void write(OutputStream out, byte[] bytes) throws IOException {
    out.write(bytes);
  }

  private static CompletableFuture<Chunk> ask(
      ActorSystem<?> system, ActorRef<ToBlobs> server, String sha256, long offset) {
    return AskPattern.<ToBlobs, Chunk>ask(
            server, r -> new Fetch(sha256, offset, r), CHUNK_TIMEOUT, system.scheduler())
        .toCompletableFuture();
  }

  private static Chunk await(
      CompletableFuture<Chunk> reply, ActorRef<ToBlobs> server, String sha256) throws IOException {
    try {
      return reply.get(CHUNK_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching " + sha256, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("fetching " + sha256 + " from " + server + ": " + e, e);
    }
  }
}
