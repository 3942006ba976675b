package io.gradesim.probes.workload;

import java.util.List;
import java.util.Optional;

/**
 * The commands of each thesis workload, after the thesis' procedures ({@code
 * src/benchmark/procedure/*.py}) and resources ({@code resources/common/}), with the payload files
 * at {@link Job#MOUNT}. Scripts are constants: the only data they see are the fixed paths below.
 */
final class Workloads {
  /** The loopback port of the HTTP server inside the container (it has no other network). */
  static final int HTTP_PORT = 8000;

  // Started by exec like the thesis' lighttpd: the shell returns once the server is forked, its
  // output goes nowhere so the runtime's exec does not wait for it.
  private static final String HTTP_START =
      "python3 -m http.server --bind 127.0.0.1 --directory /srv "
          + HTTP_PORT
          + " </dev/null >/dev/null 2>&1 &";

  // Polls like the thesis' pycurl loop (every 10 ms, for at most about 30 s), over bash's
  // /dev/tcp since the image has no HTTP client; prints the whole response.
  private static final String HTTP_FIRST_RESPONSE =
      "for i in $(seq 3000); do"
          + " if exec 3<>/dev/tcp/127.0.0.1/"
          + HTTP_PORT
          + "; then"
          + " printf 'GET / HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3; cat <&3; exit 0;"
          + " fi; sleep 0.01; done 2>/dev/null; exit 1";

  private static final String DB_WRITE =
      "cp /srv/tpcc.db /home/tpcc.db && sqlite3 -bail /home/tpcc.db '.read /srv/write.sql'";

  private static final String IO_READ = "find /srv/files -type f -exec cat {} + | wc -l";

  private static final String IO_WRITE =
      "tar -xf /srv/files.tar -C /home && find /home/files -type f | wc -l";

  private Workloads() {}

  /** The job of workload {@code w} in size {@code s} (null for the unsized ones). */
  static Job job(Workload w, WorkloadSize s) {
    String label = w.label() + (s == null ? "" : "-" + s.label());
    String test = w.thesisTest() + (s == null ? "" : " " + s.label());
    String exec = "exec";
    return switch (w) {
      case HELLO ->
          new Job(
              label,
              test,
              List.of(Step.containing(exec, List.of("/bin/echo", "Hello World"), "Hello World")),
              Optional.empty());
      case HTTP ->
          new Job(
              label,
              test,
              List.of(
                  Step.anyOutput(exec, List.of("/bin/sh", "-c", HTTP_START)),
                  Step.containing(
                      Step.RESPOND,
                      List.of("/bin/bash", "-c", HTTP_FIRST_RESPONSE),
                      PayloadFiles.HELLO)),
              Optional.of(new PayloadFiles(PayloadFiles.Kind.HTTP, null)));
      case DB_READ ->
          new Job(
              label,
              test,
              List.of(
                  Step.printing(
                      exec,
                      List.of(
                          "sqlite3", "-bail", "-readonly", "/srv/tpcc.db", ".read /srv/read.sql"),
                      TpccDatabase.expectedCounts(s))),
              Optional.of(new PayloadFiles(PayloadFiles.Kind.DB, s)));
      case DB_WRITE ->
          new Job(
              label,
              test,
              List.of(
                  Step.printing(
                      exec, List.of("/bin/sh", "-c", DB_WRITE), TpccDatabase.expectedCounts(s))),
              Optional.of(new PayloadFiles(PayloadFiles.Kind.DB, s)));
      case IO_READ ->
          new Job(
              label,
              test,
              List.of(
                  Step.printing(
                      exec, List.of("/bin/sh", "-c", IO_READ), Integer.toString(s.files()))),
              Optional.of(new PayloadFiles(PayloadFiles.Kind.IO, s)));
      case IO_WRITE ->
          new Job(
              label,
              test,
              List.of(
                  Step.printing(
                      exec, List.of("/bin/sh", "-c", IO_WRITE), Integer.toString(s.files()))),
              Optional.of(new PayloadFiles(PayloadFiles.Kind.IO, s)));
    };
  }
}
