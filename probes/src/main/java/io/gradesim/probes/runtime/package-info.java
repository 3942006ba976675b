/**
 * Container runtime drivers behind one interface: each maps the lifecycle stages (create, start,
 * exec, stop, remove) to the real operations of one runtime on this host.
 */
package io.gradesim.probes.runtime;
