package io.gradesim.app.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gradesim cluster secret -o FILE}: a new random shared secret for a cluster. */
@Command(
    name = "secret",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a new random cluster secret (32 random bytes in hex) into a new file readable by its"
          + " owner only; copy it to every machine of the cluster and give it to cluster node"
          + " --secret-file and compare --cluster-secret-file. An existing file is never"
          + " overwritten."
    })
public final class SecretCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "-o", required = true, paramLabel = "FILE", description = "the new file")
  Path file;

  @Override
  public Integer call() throws IOException {
    try {
      // Created with its final permissions (and never over another file) before the secret is in.
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      throw new IllegalArgumentException("-o " + file + ": the file exists; it was left as it is");
    }
    Files.writeString(file, ClusterSecret.generate() + "\n", StandardCharsets.UTF_8);
    spec.commandLine().getOut().println("cluster secret written to " + file);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
