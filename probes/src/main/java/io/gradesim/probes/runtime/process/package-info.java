/** The process driver: plain fork/exec on the host, no isolation; the floor every runtime adds to. */
package io.gradesim.probes.runtime.process;
