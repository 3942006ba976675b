package io.gradesim.simulator.engine;

import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.model.AdmissionPolicy;
import io.gradesim.simulator.model.ClosedLoopAdmission;
import io.gradesim.simulator.model.FrontendAdmission;
import io.gradesim.simulator.model.GradingTimes;
import io.gradesim.simulator.model.SubmitterLanes;
import io.gradesim.simulator.model.TopicRegistry;
import io.gradesim.simulator.scenario.ScenarioSettings;
import io.gradesim.traces.Submission;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The frontend side of a run: arrivals read from the trace, each described as a job (topic, grading
 * demand, limits), the admission rule (INGInious' {@code add_job}: one waiting submission per user
 * and task, or the closed loop of {@link ClosedLoopAdmission} with its resends) and the delivery of
 * results. It hands admitted jobs to the backend through {@link Backend}.
 */
final class Frontend {
  /** What the frontend needs of the rest of the run. */
  interface Backend {
    /** The run's virtual time now. */
    long now();

    /** Counts and hands on one event of the run. */
    void emit(SimEvent e);

    /** Sends admitted job {@code job} to the backend. */
    void toBackend(int job);
  }

  private final EngineWiring w;
  private final ArrivalFeed feed;
  private final JobTable jobs;
  private final EventQueue queue;
  private final TopicRegistry registry;
  private final List<List<String>> patterns;
  private final GradingTimes grading;
  private final SplittableRandom gradingRng;
  private final Backend backend;
  private final FrontendAdmission admission;
  private final ClosedLoopAdmission loop;
  private final ClosedLoopAdmission.Handoff handoff;
  private final Instant close;
  private final SubmitterLanes coder = new SubmitterLanes();
  private final boolean admits;
  private int arrivals;

  Frontend(
      ScenarioSettings scenario,
      EngineWiring w,
      ArrivalFeed feed,
      JobTable jobs,
      EventQueue queue,
      TopicRegistry registry,
      List<List<String>> patterns,
      GradingTimes grading,
      SplittableRandom gradingRng,
      Backend backend) {
    this.w = w;
    this.feed = feed;
    this.jobs = jobs;
    this.queue = queue;
    this.registry = registry;
    this.patterns = patterns;
    this.grading = grading;
    this.gradingRng = gradingRng;
    this.backend = backend;
    this.admission = new FrontendAdmission(scenario.admission());
    this.admits = scenario.admission() != AdmissionPolicy.OFF;
    boolean closedLoop = scenario.admission() == AdmissionPolicy.CLOSED_LOOP;
    this.close = closedLoop ? scenario.closedLoop().close() : null;
    this.loop =
        closedLoop
            ? new ClosedLoopAdmission(Long.MAX_VALUE, scenario.closedLoop().thinkMicros())
            : null;
    this.handoff =
        new ClosedLoopAdmission.Handoff() {
          @Override
          public void retryAt(int job, long at) {
            queue.push(at, Kind.pack(Kind.RETRY, job, 0));
          }

          @Override
          public void neverSent(int job) {
            backend.emit(new SimEvent.SubmissionNeverSent(backend.now(), jobs.n[job]));
            jobs.release(job);
          }
        };
  }

  /** Sets the exam's close once the feed knows the run's epoch (closed loop only). */
  void open() {
    if (loop != null && close != null) {
      loop.closeAt(EngineWiring.micros(close) - feed.epochMicros());
    }
  }

  int arrivals() {
    return arrivals;
  }

  long rejected() {
    return loop != null ? loop.refused() : admission.rejected();
  }

  long deferred() {
    return admission.deferred();
  }

  long retried() {
    return loop != null ? loop.retried() : 0;
  }

  long neverSent() {
    return loop != null ? loop.neverSent() : 0;
  }

  /** The look-ahead submission arrives as job {@code job}; the next one is scheduled. */
  void arrive(int job) {
    long now = backend.now();
    Submission s = feed.next();
    int[] coded = feed.nextLanes();
    int n = arrivals++;
    backend.emit(
        new SimEvent.SubmissionArrived(now, n, s.id(), s.task(), s.environment(), s.priority()));
    describe(job, n, s);
    feed.advance();
    feed.schedule(jobs, queue);
    if (loop != null) {
      arriveClosedLoop(job, n, s, lanes(s, coded));
      return;
    }
    FrontendAdmission.Decision d =
        admits ? admission.admit(job, lanes(s, coded)) : FrontendAdmission.Decision.ADMIT;
    switch (d) {
      case REJECT -> {
        backend.emit(
            new SimEvent.SubmissionRejected(
                now, n, "a submission of this user for this task" + " is still pending"));
        jobs.release(job);
      }
      case DEFER -> {
        jobs.stage[job] = JobTable.DEFERRED;
        backend.emit(new SimEvent.SubmissionDeferred(now, n));
      }
      case ADMIT -> backend.toBackend(job);
      default -> throw new IllegalStateException();
    }
  }

  /** The submission's admission lanes: as its source coded them, else coded here. */
  private int[] lanes(Submission s, int[] coded) {
    return coded != null ? coded : coder.lanes(s.users(), s.course(), s.task());
  }

  private void arriveClosedLoop(int job, int n, Submission s, int[] lanes) {
    long now = backend.now();
    long feedback =
        s.completedAt() == null
            ? ClosedLoopAdmission.NONE
            : EngineWiring.micros(s.completedAt()) - feed.epochMicros();
    switch (loop.arrive(job, now, lanes, feedback)) {
      case ADMIT -> backend.toBackend(job);
      case REFUSE -> {
        jobs.stage[job] = JobTable.DEFERRED;
        backend.emit(new SimEvent.SubmissionRefused(now, n));
      }
      case NEVER_SENT -> {
        backend.emit(new SimEvent.SubmissionNeverSent(now, n));
        jobs.release(job);
      }
      default -> throw new IllegalStateException();
    }
  }

  /** A refused submission's student sends it again. */
  void retry(int job) {
    loop.sent(job);
    backend.emit(new SimEvent.SubmissionRetried(backend.now(), jobs.n[job]));
    backend.toBackend(job);
  }

  private void describe(int job, int n, Submission s) {
    jobs.n[job] = n;
    jobs.setPriority(job, s.priority());
    jobs.setResult(job, s.result() == null ? EngineWiring.SUCCESS : s.result());
    boolean mcq = s.environment().startsWith(EngineWiring.MCQ_PREFIX);
    jobs.mcq[job] = mcq;
    if (mcq) {
      return;
    }
    int topic = registry.topicOf(s.environment());
    if (topic < 0) {
      throw new IllegalArgumentException(
          "submission "
              + s.id()
              + ": environment '"
              + s.environment()
              + "' is served by no agent (environments = "
              + patterns.get(0)
              + ")");
    }
    jobs.topic[job] = topic;
    jobs.setDemand(job, grading.demandMicros(s, gradingRng));
    w.limits(s, jobs, job);
  }

  /** Job {@code job}'s result reaches the student; a job it held back goes to the backend. */
  void deliver(int job) {
    long now = backend.now();
    backend.emit(new SimEvent.ResultDelivered(now, jobs.n[job]));
    if (loop != null) {
      loop.delivered(job, now, handoff);
      jobs.release(job);
      return;
    }
    int next = admission.delivered(job);
    jobs.release(job);
    if (next >= 0) {
      backend.toBackend(next);
    }
  }
}
