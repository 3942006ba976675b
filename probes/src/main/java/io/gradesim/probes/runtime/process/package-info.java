/** The process driver: plain fork/exec on the host, no isolation; the floor of every runtime. */
package io.gradesim.probes.runtime.process;
