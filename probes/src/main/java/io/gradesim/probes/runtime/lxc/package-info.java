/** The lxc driver: LXC 5 containers created from the rootfs tarball, without a network. */
package io.gradesim.probes.runtime.lxc;
