/** The runsc driver: gVisor's user-space kernel, on the ptrace platform without network. */
package io.gradesim.probes.runtime.runsc;
