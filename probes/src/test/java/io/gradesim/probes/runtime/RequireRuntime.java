package io.gradesim.probes.runtime;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/** Tests that need a runtime: outside CI they abort with the reason, in CI (CI=true) they fail. */
public final class RequireRuntime {
  private RequireRuntime() {}

  /** The runtime's driver, when it is available here. */
  public static RuntimeDriver driver(Runtime r) {
    RuntimeDriver d = r.driver();
    Availability a = d.availability();
    if (!a.available()) {
      String why =
          r.label()
              + " is not available here: "
              + a.reason()
              + " (run probes/host-setup.sh runtimes as root)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    return d;
  }
}
