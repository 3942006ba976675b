package io.gradesim.cli;

import io.gradesim.simulator.bench.ScratchFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code gradesim cds-training} (hidden): the short run the launcher makes once per build under
 * {@code -XX:ArchiveClassesAtExit}, so that the classes the usual commands load are parsed and
 * verified once and shared by later JVMs (class-data sharing: a faster start for every command). In
 * a temporary folder, with a data folder of its own, it synthesises a small trace, simulates it
 * with the H2 journal, lists, shows and exports the run, and compares two scenarios.
 */
@Command(
    name = "cds-training",
    hidden = true,
    mixinStandardHelpOptions = true,
    description =
        "Exercises simulate, runs and compare on a small synthetic trace in a temporary"
            + " folder (the launcher's class-data-sharing training run); prints nothing on success.")
final class CdsTrainingCommand implements Callable<Integer> {
  @Parameters(arity = "2", paramLabel = "SCENARIO", description = "two scenario files")
  List<Path> scenarios;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Path tmp = Files.createTempDirectory("gradesim-cds-training");
    String homeBefore = System.getProperty("gradesim.home");
    System.setProperty("gradesim.home", tmp.resolve("home").toString());
    try {
      String trace = tmp.resolve("trace.csv").toString();
      String first = scenarios.get(0).toString();
      List<List<String>> steps =
          List.of(
              List.of(
                  "trace",
                  "synth",
                  "poisson",
                  "--count",
                  "3000",
                  "--rate",
                  "1.5",
                  "--grading",
                  "lognormal:median=3s,sigma=0.5",
                  "--seed",
                  "1",
                  "-o",
                  trace),
              List.of("trace", "inspect", trace),
              List.of(
                  "simulate",
                  "--trace",
                  trace,
                  "--scenario",
                  first,
                  "--run-id",
                  "training",
                  "--out",
                  tmp.resolve("simulate").toString()),
              List.of("runs", "list"),
              List.of("runs", "show", "training"),
              List.of("runs", "export", "training", "--out", tmp.resolve("export").toString()),
              List.of(
                  "compare",
                  "--trace",
                  trace,
                  first,
                  scenarios.get(1).toString(),
                  "--parallel",
                  "1",
                  "--out",
                  tmp.resolve("compare").toString()),
              List.of("runs", "delete", "training"));
      for (List<String> step : steps) {
        StringWriter log = new StringWriter();
        CommandLine cl = GradesimCommand.commandLine();
        cl.setOut(new PrintWriter(log));
        cl.setErr(new PrintWriter(log));
        int code = cl.execute(step.toArray(String[]::new));
        if (code != 0) {
          spec.commandLine()
              .getErr()
              .printf(
                  "cds-training: 'gradesim %s' exited with %d:%n%s",
                  String.join(" ", step), code, log);
          return code;
        }
      }
      return 0;
    } finally {
      if (homeBefore == null) {
        System.clearProperty("gradesim.home");
      } else {
        System.setProperty("gradesim.home", homeBefore);
      }
      ScratchFolder.deleteTree(tmp);
    }
  }
}
