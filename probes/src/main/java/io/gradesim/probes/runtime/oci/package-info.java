/**
 * What runc, crun and runsc share: the OCI runtime command line (create, start, exec, kill, delete,
 * run, list) and the OCI bundle ({@code config.json}) pointing at the cached root file system. See
 * the OCI runtime specification, "Runtime and Lifecycle" and "Configuration".
 */
package io.gradesim.probes.runtime.oci;
