package io.gradesim.traces.format.inginious;

/**
 * MongoDB ObjectIds: 12 bytes whose first 4 are the big-endian UTC second at which the client
 * minted the id (MongoDB manual, "ObjectId"). INGInious mints {@code _id} when it inserts a
 * submission and the {@code archive} id when it stores the grading archive.
 */
final class ObjectIds {
  private ObjectIds() {}

  /** Whether {@code hex} is a 24-digit hexadecimal ObjectId. */
  static boolean isObjectId(String hex) {
    if (hex == null || hex.length() != 24) {
      return false;
    }
    for (int i = 0; i < 24; i++) {
      if (Character.digit(hex.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The UTC epoch second embedded in {@code hex}, or null when it is not an ObjectId. */
  static Long epochSecond(String hex) {
    return isObjectId(hex) ? Long.parseLong(hex.substring(0, 8), 16) : null;
  }
}
