/**
 * Cleanup of everything a probe creates: containers and image imports (through each driver),
 * cgroups, mounts, network namespaces and scratch folders (on the host), at the end, on error, on
 * SIGINT/SIGTERM (a JVM shutdown hook), and of orphans a crashed probe left behind.
 */
package io.gradesim.probes.cleanup;
