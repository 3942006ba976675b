package io.gradesim.app.cluster;

import io.gradesim.files.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret every node of one cluster shares, from a file ({@code --secret-file}) or the
 * environment variable {@value #ENV}; it never crosses the wire: a node proves it knows it with an
 * HMAC-SHA256 (RFC 2104) over a random nonce of its own and its address ({@link JoinSecretCheck}).
 */
public final class ClusterSecret {
  /** The environment variable read when no file is given. */
  public static final String ENV = "GRADESIM_CLUSTER_SECRET";

  /** The fewest characters a secret may have. */
  static final int MIN_LENGTH = 16;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;

  private ClusterSecret(String secret) {
    this.key = HexFormat.of().parseHex(Sha256.ofText("gradesim cluster secret\n" + secret));
  }

  /** A secret from its text (trailing white space dropped); {@code from} names it in messages. */
  static ClusterSecret of(String text, String from) {
    String s = text.strip();
    if (s.length() < MIN_LENGTH) {
      throw new IllegalArgumentException(
          from
              + ": the cluster secret has "
              + s.length()
              + " characters, at least "
              + MIN_LENGTH
              + " are needed (make one with 'gradesim cluster secret -o FILE')");
    }
    return new ClusterSecret(s);
  }

  /**
   * The secret of {@code file} ({@code option} names it in messages), else of {@value #ENV}; exit 2
   * (IllegalArgumentException) when there is none.
   */
  public static ClusterSecret read(Path file, String option) throws IOException {
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(option + " " + file + ": no such file");
      }
      return of(Files.readString(file, StandardCharsets.UTF_8), option + " " + file);
    }
    String env = System.getenv(ENV);
    if (env == null || env.isBlank()) {
      throw new IllegalArgumentException(
          "a cluster needs its shared secret: give "
              + option
              + " FILE or set "
              + ENV
              + " (make one with 'gradesim cluster secret -o FILE' and copy it to every node)");
    }
    return of(env, ENV);
  }

  /** A new random secret: 32 random bytes in hex. */
  public static String generate() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** A fresh random nonce (hex). */
  static String nonce() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** The proof (hex HMAC-SHA256) that the node of {@code nonce} at {@code address} knows it. */
  String proof(String nonce, String address) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] tag =
          mac.doFinal(
              ("gradesim cluster join v1\n" + nonce + "\n" + address + "\n")
                  .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(tag);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /**
   * True if {@code proof} is this secret's for {@code nonce} and {@code address} (constant time).
   */
  boolean proves(String proof, String nonce, String address) {
    return MessageDigest.isEqual(
        proof(nonce, address).getBytes(StandardCharsets.US_ASCII),
        proof.getBytes(StandardCharsets.US_ASCII));
  }
}
