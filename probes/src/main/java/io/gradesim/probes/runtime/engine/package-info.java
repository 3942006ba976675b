/**
 * What Docker and Podman share: a container engine command line (import, create, start, exec, stop,
 * rm, run, ps, rmi) with a chosen low-level OCI runtime.
 */
package io.gradesim.probes.runtime.engine;
