package io.gradesim.traces;

/**
 * Input quoted in a message, cut to a readable length: a 50 MB header line must not be echoed whole
 * to the terminal. The cut text says how long the original was.
 */
public final class Excerpt {
  /** The longest piece of input a message quotes whole. */
  public static final int QUOTE = 80;

  private Excerpt() {}

  /** {@code text} cut to {@link #QUOTE} characters. */
  public static String of(String text) {
    return of(text, QUOTE);
  }

  /** {@code text} if at most {@code max} characters, else its start and its length. */
  public static String of(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = max;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never split a character in two
    }
    return text.substring(0, end) + "…(" + text.length() + " chars)";
  }
}
