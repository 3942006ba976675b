package io.gradesim.probes.workload;

import java.util.Locale;

/**
 * The thesis' five sizes ({@code xs} to {@code xl}) of its database and IO tests: IO uses 10 to
 * 100,000 files of 4,096 bytes ({@code resources/common/io/create-io.sh}); the database keeps the
 * thesis' subsets of TPC-C's tables ({@code resources/common/sqlite/create-db.sh}, see {@link
 * TpccDatabase}).
 */
public enum WorkloadSize {
  XS(10),
  SM(100),
  MD(1_000),
  LG(10_000),
  XL(100_000);

  private final int files;

  WorkloadSize(int files) {
    this.files = files;
  }

  /** How many 4 KiB files the IO tests of this size read or write. */
  public int files() {
    return files;
  }

  /** The lower-case name the thesis' tests and the command line use. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
