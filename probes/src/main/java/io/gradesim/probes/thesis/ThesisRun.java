package io.gradesim.probes.thesis;

import java.util.List;

/**
 * One file of the thesis: a configuration and its tests in file order.
 *
 * @param configuration what the file name says
 * @param title the file's {@code name} field (e.g. "Docker - centos\nrunc\noverlay")
 * @param tests the tests in file order
 */
public record ThesisRun(ThesisConfiguration configuration, String title, List<ThesisTest> tests) {

  /** The test named {@code name}, or an IllegalArgumentException naming the configuration. */
  public ThesisTest test(String name) {
    for (ThesisTest t : tests) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(configuration.name() + ".json has no test '" + name + "'");
  }
}
