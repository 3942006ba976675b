/** The bwrap driver: bubblewrap, the unprivileged sandbox of Flatpak. */
package io.gradesim.probes.runtime.bwrap;
