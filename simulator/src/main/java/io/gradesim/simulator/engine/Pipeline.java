package io.gradesim.simulator.engine;

import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEventListener;
import io.gradesim.simulator.model.FreeSlotList;
import io.gradesim.simulator.model.GradingTimes;
import io.gradesim.simulator.model.StageCosts;
import io.gradesim.simulator.model.TopicQueues;
import io.gradesim.simulator.model.TopicRegistry;
import io.gradesim.simulator.scenario.ScenarioSettings;
import java.util.SplittableRandom;

/**
 * The event handlers of one run over one future event list: the backend (topic queues, free slots,
 * dispatch), the agents (their {@link ContainerStages}, limits) and the agents' failure process;
 * arrivals, admission and delivery are the {@link Frontend}'s. {@link SimulationEngine} is its
 * public face.
 */
final class Pipeline {
  private final EngineWiring w;
  private final ArrivalFeed feed;
  private final SimEventListener out;
  private final SplittableRandom gradingRng;
  private final SplittableRandom costRng;
  private final EventQueue queue = new EventQueue();
  private final JobTable jobs = new JobTable();
  private final TopicQueues topics = new TopicQueues();
  private final TopicRegistry registry;
  private final FreeSlotList free = new FreeSlotList();
  private final Frontend frontend;
  private final AgentPool agents;
  private final StageCosts costs;
  private final SimEvent.RunStarted header;
  private final Elastic elastic;
  private final ContainerStages stages;

  private long events;
  private long now;
  private boolean updating;
  private boolean updateAgain;
  private boolean started;
  private boolean finished;

  Pipeline(
      ScenarioSettings scenario,
      StageCosts costs,
      GradingTimes grading,
      SubmissionSource source,
      SimEvent.RunStarted header,
      SimEventListener out) {
    this.w = new EngineWiring(scenario);
    this.feed = new ArrivalFeed(source);
    this.out = out;
    this.costs = costs;
    this.header = header;
    SplittableRandom root = new SplittableRandom(scenario.seed());
    this.gradingRng = root.split();
    this.costRng = root.split();
    this.agents = new AgentPool(scenario, root.split(), this::scheduleCompletion);
    this.stages =
        new ContainerStages(
            w,
            jobs,
            agents,
            queue,
            costs,
            costRng,
            new ContainerStages.Host() {
              @Override
              public long now() {
                return now;
              }

              @Override
              public void emit(SimEvent e) {
                Pipeline.this.emit(e);
              }

              @Override
              public void doneAtAgent(int job) {
                Pipeline.this.doneAtAgent(job);
              }
            });
    this.registry = new TopicRegistry(topics, agents.patterns());
    this.frontend =
        new Frontend(
            scenario,
            w,
            feed,
            jobs,
            queue,
            registry,
            agents.patterns(),
            grading,
            gradingRng,
            new Frontend.Backend() {
              @Override
              public long now() {
                return now;
              }

              @Override
              public void emit(SimEvent e) {
                Pipeline.this.emit(e);
              }

              @Override
              public void toBackend(int job) {
                Pipeline.this.toBackend(job);
              }
            });
    this.elastic =
        new Elastic(
            scenario.autoscale(),
            scenario.warmPool(),
            agents,
            topics,
            jobs,
            new Elastic.Wiring(free, queue, costs, costRng, this::emit, () -> now),
            registry);
  }

  void start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    feed.open();
    frontend.open();
    emit(
        new SimEvent.RunStarted(
            0,
            header.runId(),
            feed.epochMicros(),
            header.traceFile(),
            header.traceHash(),
            header.scenarioName(),
            header.scenarioHash(),
            header.scenarioJson(),
            header.calibrationFile(),
            header.calibrationHash(),
            header.seed(),
            header.version()));
    for (int a = 0; a < agents.initial(); a++) {
      agentHello(a, true);
    }
    if (elastic.autoscaling()) {
      queue.push(elastic.interval(), Kind.pack(Kind.AUTOSCALE_TICK, 0, 0));
    }
    feed.schedule(jobs, queue);
    checkFinished();
  }

  boolean advance(long maxEvents) {
    if (!started) {
      start();
    }
    for (long i = 0; i < maxEvents && !finished; i++) {
      if (queue.isEmpty()) {
        throw new IllegalStateException(
            "no event left with " + jobs.live() + " submissions in flight at t=" + now + "us");
      }
      queue.poll();
      now = queue.polledTime();
      long p = queue.polledPayload();
      dispatchEvent(Kind.kind(p), Kind.target(p), Kind.token(p));
      checkFinished();
    }
    return finished;
  }

  long events() {
    return events;
  }

  int arrivals() {
    return frontend.arrivals();
  }

  long now() {
    return now;
  }

  long epochMicros() {
    return feed.epochMicros();
  }

  long rejected() {
    return frontend.rejected();
  }

  long deferred() {
    return frontend.deferred();
  }

  long retried() {
    return frontend.retried();
  }

  long neverSent() {
    return frontend.neverSent();
  }

  int peakInFlight() {
    return jobs.capacityUsed();
  }

  private void checkFinished() {
    if (feed.exhausted() && jobs.live() == 0 && !elastic.unsettled()) {
      finished = true;
    }
  }

  private void dispatchEvent(int kind, int target, int token) {
    switch (kind) {
      case Kind.ARRIVAL -> frontend.arrive(target);
      case Kind.BACKEND_RECEIVE -> backendReceive(target);
      case Kind.AGENT_RECEIVE -> {
        if (jobs.token(target) == token) {
          agentReceive(target);
        }
      }
      case Kind.STAGE_DONE -> {
        if (jobs.token(target) == token) {
          stages.done(target);
        }
      }
      case Kind.GRADE_DONE -> {
        if (jobs.token(target) == token) {
          stages.cpuDone(target);
        }
      }
      case Kind.HARD_LIMIT -> {
        if (jobs.hardToken(target) == token && jobs.stage[target] == JobTable.GRADING) {
          stages.gradeDone(target, true);
        }
      }
      case Kind.BACKEND_DONE -> backendDone(target);
      case Kind.DELIVER -> frontend.deliver(target);
      case Kind.AGENT_FAIL -> agentEvent(target, token, Kind.AGENT_FAIL);
      case Kind.AGENT_DETECT -> agentEvent(target, token, Kind.AGENT_DETECT);
      case Kind.AGENT_REPAIR -> agentEvent(target, token, Kind.AGENT_REPAIR);
      case Kind.AUTOSCALE_TICK -> elastic.tick();
      case Kind.AGENT_PROVISIONED -> {
        if (agents.incarnation(target) == token && agents.provisioning(target)) {
          agentHello(target, false);
        }
      }
      case Kind.WARM_STAGE_DONE -> elastic.warmStageDone(target);
      case Kind.RETRY -> frontend.retry(target);
      default -> throw new IllegalStateException("unknown event kind " + kind);
    }
  }

  private void toBackend(int job) {
    jobs.stage[job] = JobTable.TO_BACKEND;
    if (w.frontendToBackend == 0) {
      backendReceive(job);
    } else {
      queue.push(now + w.frontendToBackend, Kind.pack(Kind.BACKEND_RECEIVE, job, 0));
    }
  }

  private void toFrontend(int job) {
    jobs.stage[job] = JobTable.TO_FRONTEND;
    if (w.backendToFrontend == 0) {
      frontend.deliver(job);
    } else {
      queue.push(now + w.backendToFrontend, Kind.pack(Kind.DELIVER, job, 0));
    }
  }

  private void backendReceive(int job) {
    int n = jobs.n[job];
    emit(new SimEvent.SubmissionQueued(now, n));
    if (jobs.mcq[job]) {
      // The mcq environment grades in the backend's reach without a container or a slot.
      emit(new SimEvent.SubmissionDispatched(now, n, -1, -1));
      emit(new SimEvent.GradingFinished(now, n, jobs.result(job)));
      emit(new SimEvent.ContainerRemoved(now, n));
      toFrontend(job);
      return;
    }
    jobs.stage[job] = JobTable.QUEUED;
    jobs.queuedAt[job] = now;
    topics.put(jobs.topic[job], jobs.priority(job), job);
    updateQueue();
  }

  /** INGInious' update_queue: walk the free slots in order, each takes its topics' best job. */
  private void updateQueue() {
    if (updating) {
      updateAgain = true;
      return;
    }
    updating = true;
    do {
      updateAgain = false;
      int s = free.first();
      while (s >= 0 && topics.size() > 0) {
        int next = free.next(s);
        int a = agents.agentOfSlot(s);
        int job = topics.poll(registry.topicsOf(a), registry.topicCount(a));
        if (job >= 0) {
          free.remove(s);
          dispatch(job, s, a);
        }
        s = next;
      }
    } while (updateAgain && topics.size() > 0);
    updating = false;
  }

  private void dispatch(int job, int slot, int agent) {
    jobs.stage[job] = JobTable.TO_AGENT;
    jobs.placeInSlot(job, slot);
    jobs.incarnation[job] = agents.incarnation(agent);
    agents.occupy(slot, job, now);
    elastic.dispatched(now - jobs.queuedAt[job]);
    emit(new SimEvent.SubmissionDispatched(now, jobs.n[job], agent, agents.localSlot(slot)));
    if (w.backendToAgent == 0) {
      agentReceive(job);
    } else {
      queue.push(now + w.backendToAgent, Kind.pack(Kind.AGENT_RECEIVE, job, jobs.freshToken(job)));
    }
  }

  private void backendDone(int job) {
    int slot = jobs.slot[job];
    int a = agents.agentOfSlot(slot);
    if (agents.incarnation(a) == jobs.incarnation[job] && agents.registered(a)) {
      agents.occupy(slot, -1, now);
      if (!agents.draining(a)) {
        free.append(slot);
      } else if (agents.busy(a) == 0) {
        elastic.retire(a);
      }
    }
    toFrontend(job);
    updateQueue();
  }

  private void agentReceive(int job) {
    int a = agents.agentOfSlot(jobs.slot[job]);
    if (!agents.up(a)) {
      return; // sent to a dead agent: the backend will crash it once it notices the loss
    }
    if (jobs.memoryMb(job) > agents.memoryPerSlotMb(a)) {
      int n = jobs.n[job];
      emit(new SimEvent.GradingFinished(now, n, EngineWiring.CRASH));
      emit(new SimEvent.ContainerRemoved(now, n));
      doneAtAgent(job);
      return;
    }
    byte first = elastic.firstStage(job, a, w.hasExec);
    if (first == JobTable.GRADING) {
      stages.beginGrading(job);
    } else {
      stages.begin(job, first);
    }
  }

  private void scheduleCompletion(int job, long at) {
    stages.scheduleCompletion(job, at);
  }

  private void doneAtAgent(int job) {
    jobs.stage[job] = JobTable.DONE_SENT;
    if (w.agentToBackend == 0) {
      backendDone(job);
    } else {
      queue.push(now + w.agentToBackend, Kind.pack(Kind.BACKEND_DONE, job, 0));
    }
  }

  /** An agent's failure-process event, unless a newer incarnation made it stale. */
  private void agentEvent(int a, int incarnation, int kind) {
    if (agents.incarnation(a) != incarnation) {
      return;
    }
    if (kind == Kind.AGENT_FAIL && agents.up(a)) {
      agentFail(a);
    } else if (kind == Kind.AGENT_DETECT && agents.registered(a)) {
      agentLost(a);
    } else if (kind == Kind.AGENT_REPAIR) {
      agentHello(a, false);
    }
  }

  private void agentHello(int a, boolean initial) {
    if (agents.registered(a)) {
      agentLost(a); // INGInious deletes the previous instance of an agent that says hello again
    }
    agents.hello(a, now);
    for (int s = agents.firstSlot(a); s < agents.endSlot(a); s++) {
      free.append(s);
    }
    emit(new SimEvent.AgentUp(now, a, agents.slots(a), agents.cores(a), agents.memoryMb(a)));
    elastic.fillWarmPool(a, initial);
    long failAt = agents.nextFailure(a);
    if (failAt > 0) {
      queue.push(now + failAt, Kind.pack(Kind.AGENT_FAIL, a, agents.incarnation(a)));
    }
    updateQueue();
  }

  private void agentFail(int a) {
    agents.fail(a);
    elastic.agentFailed(a);
    for (int s = agents.firstSlot(a); s < agents.endSlot(a); s++) {
      int job = agents.jobInSlot(s);
      if (job >= 0 && jobs.stage[job] != JobTable.DONE_SENT) {
        jobs.freshToken(job); // its container died with the agent: drop its next stage
        jobs.setHardToken(job, 0);
      }
    }
    long repair = agents.repairMicros();
    long detect = Math.min(w.detection, repair);
    int inc = agents.incarnation(a);
    queue.push(now + detect, Kind.pack(Kind.AGENT_DETECT, a, inc));
    queue.push(now + repair, Kind.pack(Kind.AGENT_REPAIR, a, inc));
  }

  /** The backend notices a lost agent: its slots go, its jobs end as crash, not requeued. */
  private void agentLost(int a) {
    agents.unregister(a);
    emit(new SimEvent.AgentLost(now, a));
    for (int s = agents.firstSlot(a); s < agents.endSlot(a); s++) {
      free.remove(s);
    }
    for (int s = agents.firstSlot(a); s < agents.endSlot(a); s++) {
      int job = agents.jobInSlot(s);
      if (job < 0) {
        continue;
      }
      agents.occupy(s, -1, now);
      byte stage = jobs.stage[job];
      if (stage == JobTable.DONE_SENT) {
        continue; // its result is already on its way to the backend
      }
      int n = jobs.n[job];
      if (stage != JobTable.REMOVING) {
        emit(new SimEvent.GradingFinished(now, n, EngineWiring.CRASH));
      }
      emit(new SimEvent.ContainerRemoved(now, n));
      jobs.freshToken(job);
      toFrontend(job);
    }
    if (agents.draining(a)) {
      agents.retire(a); // lost while scaled in: it will not come back
    }
    updateQueue();
  }

  private void emit(SimEvent e) {
    events++;
    out.on(e);
  }
}
