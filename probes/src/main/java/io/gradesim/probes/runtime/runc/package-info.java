/** The runc driver: the OCI reference runtime, Docker's and Podman's default on Debian 12. */
package io.gradesim.probes.runtime.runc;
