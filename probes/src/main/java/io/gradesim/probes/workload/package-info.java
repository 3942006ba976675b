/**
 * The seed thesis' workloads as probe payloads (LEPL2990-Benchmark-tool, {@code
 * src/benchmark/procedure/}): Hello World, an HTTP server's first response, SQLite TPC-C-like reads
 * and writes and many-small-file reads and writes, each in the thesis' five sizes. Their files are
 * generated offline and deterministically, cached by the hash of their recipe in the image cache,
 * and bound read-only into the container; every command is a constant argument list.
 */
package io.gradesim.probes.workload;
