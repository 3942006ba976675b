/** The Podman drivers: daemonless Podman with crun or runc as its OCI runtime. */
package io.gradesim.probes.runtime.podman;
