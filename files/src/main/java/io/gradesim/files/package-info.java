/**
 * The files a command writes: {@link io.gradesim.files.OutputGuard} refuses, before any work, an
 * output that is one of the command's inputs; {@link io.gradesim.files.PartialFiles} names the
 * temporary files of a write after their writer so that a later command can sweep what an
 * interrupted one left; {@link io.gradesim.files.AtomicWrite} writes a file through one; {@link
 * io.gradesim.files.Sha256} hashes files and texts for provenance.
 */
package io.gradesim.files;
