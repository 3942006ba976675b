package io.gradesim.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * The commit log beside an H2 file journal ({@code runs.commits} beside {@code runs.mv.db}): one
 * line per durable commit, {@code <journal id> <commit number> <crc32>}, appended and synced to
 * disk only after the database itself was synced with that commit number in it ({@link
 * JournalCheckpoint}). So the database always holds at least the last commit this log records; one
 * that holds less lost data it had written durably (a truncated file, an older copy) and is
 * reported as damaged. A SIGKILL cannot make the log run ahead: the database is synced first. A
 * torn or unreadable last line (a crash in the middle of an append) is skipped: the line before it
 * still holds.
 */
final class CommitLog {
  /** The log is rewritten with only its last record once it is this long. */
  static final long COMPACT_BYTES = 64 * 1024;

  private static final int TAIL_BYTES = 4096;

  /** One durable commit: the journal's random id and its commit number. */
  record Entry(String journalId, long commit) {
    String line() {
      String body = journalId + " " + commit;
      return body + " " + crc(body) + "\n";
    }
  }

  private final Path file;

  CommitLog(Path file) {
    this.file = file;
  }

  /** The commit log of H2 database file {@code mvDb}: {@code x.mv.db} gives {@code x.commits}. */
  static CommitLog beside(Path mvDb) {
    String name = mvDb.getFileName().toString();
    String base = name.endsWith(".mv.db") ? name.substring(0, name.length() - 6) : name;
    return new CommitLog(mvDb.resolveSibling(base + ".commits"));
  }

  /** The log's file. */
  Path file() {
    return file;
  }

  /** The last well-formed record, or null if the log is missing or holds none. */
  Entry last() throws IOException {
    byte[] tail;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      int n = (int) Math.min(size, TAIL_BYTES);
      ByteBuffer buf = ByteBuffer.allocate(n);
      while (buf.hasRemaining() && ch.read(buf, size - n + buf.position()) > 0) {
        // reads the tail in as many calls as it takes
      }
      tail = buf.array();
    } catch (NoSuchFileException e) {
      return null;
    }
    String[] lines = new String(tail, StandardCharsets.ISO_8859_1).split("\n", -1);
    // The last element follows the last newline: an unfinished append, never a record.
    for (int i = lines.length - 2; i >= 0; i--) {
      Entry e = parse(lines[i]);
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  /** Appends {@code e} and syncs it to disk (the file's directory too, when it is new). */
  void append(Entry e) throws IOException {
    boolean isNew = !Files.exists(file);
    try (FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer buf = ByteBuffer.wrap(e.line().getBytes(StandardCharsets.ISO_8859_1));
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    if (isNew) {
      syncDirectory();
    }
  }

  /** Rewrites the log with only its last record once it is longer than {@link #COMPACT_BYTES}. */
  void compactIfLong() throws IOException {
    Path temp = file.resolveSibling("." + file.getFileName() + ".partial");
    Files.deleteIfExists(temp); // left by a process killed while it compacted
    if (!Files.exists(file) || Files.size(file) <= COMPACT_BYTES) {
      return;
    }
    Entry last = last();
    if (last == null) {
      return;
    }
    try (FileChannel ch =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(ByteBuffer.wrap(last.line().getBytes(StandardCharsets.ISO_8859_1)));
      ch.force(true);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory();
  }

  private void syncDirectory() throws IOException {
    try (FileChannel dir =
        FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // Some file systems cannot sync a directory; the record itself is synced.
    }
  }

  static Entry parse(String line) {
    String[] f = line.split(" ");
    if (f.length != 3
        || !f[0].matches("[0-9a-f-]{1,64}")
        || !f[1].matches("[0-9]{1,18}")
        || !crc(f[0] + " " + f[1]).equals(f[2])) {
      return null;
    }
    return new Entry(f[0], Long.parseLong(f[1]));
  }

  private static String crc(String s) {
    CRC32 c = new CRC32();
    c.update(s.getBytes(StandardCharsets.ISO_8859_1));
    return String.format("%08x", c.getValue());
  }
}
