/**
 * What unshare, bwrap and systemd-nspawn share: they have no container object, only a launcher
 * process whose descendant is the container's init; exec enters the init's namespaces and root with
 * nsenter, as {@code docker exec} does with setns.
 */
package io.gradesim.probes.runtime.launcher;
