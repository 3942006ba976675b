/** The Docker drivers: Debian's dockerd with runc, crun or runsc as its OCI runtime. */
package io.gradesim.probes.runtime.docker;
