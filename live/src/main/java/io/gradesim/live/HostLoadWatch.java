package io.gradesim.live;

import io.gradesim.probes.load.HostLoad;
import io.gradesim.probes.load.HostLoadSampler;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The machine's other load while a live run goes: {@link HostLoadSampler} every {@link #PERIOD_MS}
 * ms (the pool's JVM, its containers and the runtime daemons count as the run's own work), averaged
 * over the run weighted by each window's length, with the worst window.
 */
final class HostLoadWatch implements AutoCloseable {
  /** Sampling period. */
  static final long PERIOD_MS = 500;

  private final HostLoadSampler sampler = HostLoadSampler.ofThisProbe();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "gradesim-live-hostload");
            t.setDaemon(true);
            return t;
          });
  private double weighted;
  private long nanos;
  private double peak;
  private int samples;

  /** Takes the baseline and starts sampling. */
  HostLoadWatch() throws IOException {
    sampler.sample();
    timer.scheduleAtFixedRate(this::sample, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  private void sample() {
    try {
      Optional<HostLoad> h = sampler.sample();
      h.ifPresent(this::add);
    } catch (IOException e) {
      // one unreadable sample: the next window covers the gap
    }
  }

  private synchronized void add(HostLoad h) {
    weighted += h.otherLoad() * h.windowNanos();
    nanos += h.windowNanos();
    peak = Math.max(peak, h.otherLoad());
    samples++;
  }

  /** Stops sampling and returns the figures. */
  synchronized OtherLoad stop() {
    timer.shutdownNow();
    return new OtherLoad(nanos == 0 ? 0 : weighted / nanos, peak, samples);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
