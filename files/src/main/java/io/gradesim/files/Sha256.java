package io.gradesim.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in lower-case hex, the one hash of gradesim's provenance: a file's bytes (read in blocks,
 * never whole), a byte array or a UTF-8 text.
 */
public final class Sha256 {
  private static final int BLOCK = 1 << 16;

  private Sha256() {}

  /** The hex SHA-256 of a file's bytes. */
  public static String ofFile(Path file) throws IOException {
    MessageDigest md = digest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[BLOCK];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** The hex SHA-256 of {@code bytes}. */
  public static String of(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** The hex SHA-256 of {@code text} encoded in UTF-8. */
  public static String ofText(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A fresh SHA-256 digest, for hashes over several parts. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from this JVM", e);
    }
  }
}
