package io.gradesim.probes.image;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The offline images a probe can run, all built without a registry: {@code busybox} from the host's
 * busybox-static, {@code minbase} ({@code debootstrap --variant=minbase}, standing in for the seed
 * thesis' Alpine) and {@code grading} (minbase with python3, whose {@code http.server} is the HTTP
 * server, and sqlite3: shaped like INGInious' CentOS image of the thesis).
 */
public enum Image {
  /** busybox-static with one symlink per applet: a few MB, one layer. */
  BUSYBOX("busybox", List.of()),
  /** Debian 12 minbase. */
  MINBASE("minbase", List.of()),
  /** Debian 12 minbase plus python3 and sqlite3. */
  GRADING("grading", List.of("python3", "sqlite3"));

  private final String label;
  private final List<String> packages;

  Image(String label, List<String> packages) {
    this.label = label;
    this.packages = packages;
  }

  /** The name on the command line, in cache file names and in result names. */
  public String label() {
    return label;
  }

  /** The Debian packages added to minbase (empty for busybox and minbase). */
  public List<String> packages() {
    return packages;
  }

  /** Whether it is built with debootstrap from Debian's mirror. */
  public boolean debootstrapped() {
    return this != BUSYBOX;
  }

  /** The image named {@code label}, or an IllegalArgumentException listing the known ones. */
  public static Image of(String label) {
    for (Image i : values()) {
      if (i.label.equals(label)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "--image: unknown image '"
            + label
            + "' (known: "
            + Arrays.stream(values()).map(Image::label).collect(Collectors.joining(", "))
            + ")");
  }
}
