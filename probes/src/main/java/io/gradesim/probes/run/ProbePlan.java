package io.gradesim.probes.run;

import io.gradesim.probes.jfr.Stage;
import io.gradesim.probes.runtime.Runtime;
import io.gradesim.probes.workload.Job;
import java.util.List;
import java.util.Set;

/**
 * What a probe measures.
 *
 * @param runtimes the runtimes, in order
 * @param stages the stages recorded (the whole lifecycle always runs)
 * @param payloads the payloads exec'd (today's and the thesis' workloads, {@link Job})
 * @param concurrency the numbers of lifecycles run at once
 * @param warmup warm-up rounds per runtime, payload and concurrency (recorded with warmup=true)
 * @param repeat measured rounds per runtime, payload and concurrency
 * @param storages storage drivers per engine runtime ({@link Storages}); one empty string for the
 *     engine's own storage
 */
public record ProbePlan(
    List<Runtime> runtimes,
    Set<Stage> stages,
    List<Job> payloads,
    List<Integer> concurrency,
    int warmup,
    int repeat,
    List<String> storages) {

  /** A plan on the engines' own storage. */
  public ProbePlan(
      List<Runtime> runtimes,
      Set<Stage> stages,
      List<Job> payloads,
      List<Integer> concurrency,
      int warmup,
      int repeat) {
    this(runtimes, stages, payloads, concurrency, warmup, repeat, List.of(""));
  }

  /** Checks the numbers. */
  public ProbePlan {
    if (repeat < 1) {
      throw new IllegalArgumentException("--repeat must be at least 1, got " + repeat);
    }
    if (warmup < 0) {
      throw new IllegalArgumentException("--warmup must be 0 or more, got " + warmup);
    }
    for (int c : concurrency) {
      if (c < 1 || c > 64) {
        throw new IllegalArgumentException("--concurrency values must be 1 to 64, got " + c);
      }
    }
    runtimes = List.copyOf(runtimes);
    stages = Set.copyOf(stages);
    payloads = List.copyOf(payloads);
    concurrency = List.copyOf(concurrency);
    storages = storages.isEmpty() ? List.of("") : List.copyOf(storages);
  }

  /** Rounds of lifecycles the plan runs per runtime and storage (for the progress bar). */
  public int roundsPerRuntime() {
    return payloads.size() * concurrency.size() * (warmup + repeat);
  }
}
