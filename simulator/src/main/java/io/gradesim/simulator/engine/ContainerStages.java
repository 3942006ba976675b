package io.gradesim.simulator.engine;

import io.gradesim.probes.jfr.Stage;
import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.model.SharedCpu;
import io.gradesim.simulator.model.StageCosts;
import java.util.SplittableRandom;

/**
 * A job's container on its agent, from its first container stage to its removal: create, start,
 * exec, grading on the agent's {@link SharedCpu}, then stop and remove (one removal stage, as
 * INGInious' agent holds the slot until the container is gone). {@link Pipeline} dispatches their
 * events here.
 *
 * <p>Where the costs say that container operations use CPU ({@link StageCosts#opCpuFraction()} f
 * greater than 0), an operation of cost d is CPU work f·d on the agent's shared cores, beside the
 * grading jobs, then a wait of (1 − f)·d: on idle cores it takes d, as the probes measured it, but
 * it stretches while the cores are busy grading, and it slows the grading while it runs. Its cost
 * is then drawn at the concurrency the agent's cores can serve at once ({@code min(ops, cores)}):
 * the probes' rows beyond it hold the very CPU contention that processor sharing now models.
 * Otherwise an operation is a wait of d drawn at the agent's concurrency.
 */
final class ContainerStages {
  /** What the stages need from the run. */
  interface Host {
    long now();

    void emit(SimEvent e);

    /** The job's container is gone: its result goes to the backend. */
    void doneAtAgent(int job);
  }

  private final EngineWiring w;
  private final JobTable jobs;
  private final AgentPool agents;
  private final EventQueue queue;
  private final StageCosts costs;
  private final SplittableRandom costRng;
  private final Host host;
  private final double opCpu;
  private final boolean stopToo;
  private final int opWeight;

  ContainerStages(
      EngineWiring w,
      JobTable jobs,
      AgentPool agents,
      EventQueue queue,
      StageCosts costs,
      SplittableRandom costRng,
      Host host) {
    this.w = w;
    this.jobs = jobs;
    this.agents = agents;
    this.queue = queue;
    this.costs = costs;
    this.costRng = costRng;
    this.host = host;
    this.opCpu = costs.opCpuFraction();
    this.stopToo = costs.chargesStop();
    this.opWeight = (int) Math.max(1, Math.round(opCpu * SharedCpu.UNIT));
  }

  /** Begins container stage {@code stage} of {@code job}. */
  void begin(int job, byte stage) {
    jobs.stage[job] = stage;
    int a = agents.agentOfSlot(jobs.slot[job]);
    int ops = agents.beginOp(a);
    int concurrency = opCpu > 0 ? Math.min(ops, agents.cores(a)) : ops;
    long cost = 0;
    if (stage == JobTable.REMOVING && stopToo) {
      cost = costs.sampleMicros(Stage.STOP, concurrency, costRng);
    }
    cost += costs.sampleMicros(EngineWiring.stageOf(stage), concurrency, costRng);
    long now = host.now();
    if (cost == 0) {
      done(job);
    } else if (opCpu > 0) {
      agents.cpu(a).add(now, job, Math.max(1, Math.round(cost * opCpu)), opWeight);
    } else {
      queue.push(now + cost, Kind.pack(Kind.STAGE_DONE, job, jobs.freshToken(job)));
    }
  }

  /** The job's work on its agent's cores is done: its grading or an operation's CPU part. */
  void cpuDone(int job) {
    if (jobs.stage[job] == JobTable.GRADING) {
      gradeDone(job, false);
      return;
    }
    agents.cpu(agents.agentOfSlot(jobs.slot[job])).remove(host.now(), job);
    jobs.freshToken(job); // later completion times of this work are stale
    done(job);
  }

  /** The job's current container stage is done. */
  void done(int job) {
    agents.endOp(agents.agentOfSlot(jobs.slot[job]));
    int n = jobs.n[job];
    long now = host.now();
    switch (jobs.stage[job]) {
      case JobTable.CREATING -> {
        host.emit(new SimEvent.ContainerCreated(now, n));
        begin(job, JobTable.STARTING);
      }
      case JobTable.STARTING -> {
        host.emit(new SimEvent.ContainerStarted(now, n));
        if (w.hasExec) {
          begin(job, JobTable.EXECING);
        } else {
          beginGrading(job);
        }
      }
      case JobTable.EXECING -> beginGrading(job);
      case JobTable.REMOVING -> {
        host.emit(new SimEvent.ContainerRemoved(now, n));
        host.doneAtAgent(job);
      }
      default -> throw new IllegalStateException("stage " + jobs.stage[job]);
    }
  }

  /** Starts the job's grading on its agent's shared cores, with its hard limit if it can hit it. */
  void beginGrading(int job) {
    jobs.stage[job] = JobTable.GRADING;
    int a = agents.agentOfSlot(jobs.slot[job]);
    long work = Math.min(jobs.demand(job), jobs.cpuLimit(job));
    long now = host.now();
    agents.cpu(a).add(now, job, work);
    long hard = jobs.hardLimit(job);
    if (hard < Long.MAX_VALUE && work * agents.slowdown(a) > hard) {
      queue.push(now + hard, Kind.pack(Kind.HARD_LIMIT, job, jobs.freshHardToken(job)));
    } else {
      jobs.setHardToken(job, 0);
    }
  }

  /** The agent's shared cores will finish the job's current work at {@code at}. */
  void scheduleCompletion(int job, long at) {
    queue.push(at, Kind.pack(Kind.GRADE_DONE, job, jobs.freshToken(job)));
  }

  /** The job's grading ended, by itself or killed at its hard limit: its container goes. */
  void gradeDone(int job, boolean killed) {
    int a = agents.agentOfSlot(jobs.slot[job]);
    long now = host.now();
    agents.cpu(a).remove(now, job);
    jobs.setHardToken(job, 0);
    jobs.freshToken(job);
    String result =
        killed || jobs.demand(job) > jobs.cpuLimit(job) ? EngineWiring.TIMEOUT : jobs.result(job);
    host.emit(new SimEvent.GradingFinished(now, jobs.n[job], result));
    begin(job, JobTable.REMOVING);
  }
}
