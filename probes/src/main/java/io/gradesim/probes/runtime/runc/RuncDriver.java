package io.gradesim.probes.runtime.runc;

import io.gradesim.probes.runtime.oci.OciDriver;

/**
 * runc (github.com/opencontainers/runc), driven through the OCI command line: create = {@code runc
 * create --bundle B NAME}, start = {@code runc start}, exec = {@code runc exec}, stop = {@code runc
 * kill NAME KILL} and wait for the init, remove = {@code runc delete}, run = {@code runc run}.
 */
public final class RuncDriver extends OciDriver {
  /** The driver for the runc on the PATH. */
  public RuncDriver() {
    super("runc");
  }
}
