/**
 * Offline images: a busybox-static root file system, its tarball (imported into podman, docker and
 * lxc), and an initramfs for QEMU; built from the host's busybox without any registry and cached by
 * content hash under {@code GRADESIM_HOME/images}.
 */
package io.gradesim.probes.image;
