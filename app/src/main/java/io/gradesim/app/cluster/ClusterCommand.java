package io.gradesim.app.cluster;

import picocli.CommandLine.Command;

/** {@code gradesim cluster}: the roles of a cluster node. */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = {
      "Runs sweeps (compare --cluster HOST:PORT) on several processes or machines: a Pekko "
          + "Cluster whose worker nodes pull runs when a core is free."
    },
    subcommands = {NodeCommand.class, SecretCommand.class})
public final class ClusterCommand {}
