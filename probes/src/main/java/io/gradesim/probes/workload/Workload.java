package io.gradesim.probes.workload;

/**
 * The seed thesis' tests as payloads, with the name of the test in its measurement files. {@code
 * Ping} is left out: it needs a network, which grading containers do not have.
 */
public enum Workload {
  /** {@code /bin/echo Hello World} beside the init (the thesis' Hello World). */
  HELLO("hello", "Hello World", false),
  /** An HTTP server started by exec, then the time to its first response (Http server). */
  HTTP("http", "Http server", false),
  /** Every table of a TPC-C-like SQLite database read whole (Database read SIZE). */
  DB_READ("db-read", "Database read", true),
  /** Every table of that database copied into a new table (Database write SIZE). */
  DB_WRITE("db-write", "Database write", true),
  /** Every line of many 4 KiB files read (IO read SIZE). */
  IO_READ("io-read", "IO read", true),
  /** A tarball of many 4 KiB files unpacked into the container (IO write SIZE). */
  IO_WRITE("io-write", "IO write", true);

  private final String label;
  private final String thesisTest;
  private final boolean sized;

  Workload(String label, String thesisTest, boolean sized) {
    this.label = label;
    this.thesisTest = thesisTest;
    this.sized = sized;
  }

  /** The name on the command line and, with its size, in the CSV's payload column. */
  public String label() {
    return label;
  }

  /** The thesis' test name, without the size. */
  public String thesisTest() {
    return thesisTest;
  }

  /** Whether it comes in the five sizes. */
  public boolean sized() {
    return sized;
  }
}
