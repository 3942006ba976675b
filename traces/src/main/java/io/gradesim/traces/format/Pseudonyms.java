package io.gradesim.traces.format;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces usernames by a keyed hash (HMAC-SHA256 with the import's salt, first 12 bytes in hex),
 * so that an exported trace can be shared without student names while one student keeps one id
 * across the trace. With {@code keepUsernames} the names pass through unchanged.
 */
public final class Pseudonyms {
  private static final int BYTES = 12;
  private final Mac mac;
  private final boolean keep;

  /** A pseudonymiser keyed by {@code options.salt()}. */
  public Pseudonyms(ImportOptions options) {
    this.keep = options.keepUsernames();
    try {
      this.mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(options.salt().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /** The pseudonym of {@code username} (or the name itself when names are kept). */
  public String of(String username) {
    if (keep) {
      return username;
    }
    byte[] digest = mac.doFinal(username.getBytes(StandardCharsets.UTF_8));
    return "u" + HexFormat.of().formatHex(digest, 0, BYTES);
  }
}
