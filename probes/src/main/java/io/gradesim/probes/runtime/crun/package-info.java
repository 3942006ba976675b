/** The crun driver: Red Hat's OCI runtime in C, the seed thesis's faster alternative to runc. */
package io.gradesim.probes.runtime.crun;
