/** The qemu driver: a microVM booting the Debian kernel and the busybox initramfs. */
package io.gradesim.probes.runtime.qemu;
