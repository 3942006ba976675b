/**
 * Rootless runtimes: the dedicated unprivileged user they run as, Podman with crun started as that
 * user, and a driver after the seed thesis' prototype (rootless crun on a copied writable layer
 * with the image bound read-only).
 */
package io.gradesim.probes.runtime.rootless;
