/** The nspawn driver: systemd-nspawn without a running systemd. */
package io.gradesim.probes.runtime.nspawn;
