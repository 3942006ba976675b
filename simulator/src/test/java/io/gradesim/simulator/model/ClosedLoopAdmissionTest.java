package io.gradesim.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClosedLoopAdmissionTest {
  private static final long NONE = ClosedLoopAdmission.NONE;

  /** Records what admission hands back. */
  private static final class Handed implements ClosedLoopAdmission.Handoff {
    final List<String> log = new ArrayList<>();

    @Override
    public void retryAt(int job, long at) {
      log.add("retry " + job + "@" + at);
    }

    @Override
    public void neverSent(int job) {
      log.add("never " + job);
    }
  }

  @Test
  void aGroupsPendingSubmissionBlocksEveryMember() {
    ClosedLoopAdmission a = new ClosedLoopAdmission(Long.MAX_VALUE, 7);
    Handed h = new Handed();

    assertThat(a.arrive(0, 0, List.of("ann", "bob"), "c", "t", NONE))
        .isEqualTo(ClosedLoopAdmission.Decision.ADMIT);
    // Both members are blocked on the task, each alone; another task and another student are not.
    assertThat(a.arrive(1, 10, List.of("bob"), "c", "t", NONE))
        .isEqualTo(ClosedLoopAdmission.Decision.REFUSE);
    assertThat(a.arrive(2, 20, List.of("ann"), "c", "t", NONE))
        .isEqualTo(ClosedLoopAdmission.Decision.REFUSE);
    assertThat(a.arrive(3, 30, List.of("ann"), "c", "other", NONE))
        .isEqualTo(ClosedLoopAdmission.Decision.ADMIT);
    assertThat(a.arrive(4, 40, List.of("cid"), "c", "t", NONE))
        .isEqualTo(ClosedLoopAdmission.Decision.ADMIT);

    a.delivered(0, 100, h);

    // No recorded feedback: the scenario's think time.
    assertThat(h.log).containsExactly("retry 2@107", "retry 1@107");
    assertThat(a.refused()).isEqualTo(2);
  }

  @Test
  void theFirstUserAloneDoesNotKeyTheGroup() {
    // The rule the defer policy keeps (first user only) would let bob's submission through.
    FrontendAdmission defer = new FrontendAdmission(AdmissionPolicy.DEFER);
    defer.admit(0, List.of("ann", "bob"), "c", "t");
    assertThat(defer.admit(1, List.of("bob"), "c", "t"))
        .isEqualTo(FrontendAdmission.Decision.ADMIT);

    ClosedLoopAdmission loop = new ClosedLoopAdmission(Long.MAX_VALUE, 7);
    loop.arrive(0, 0, List.of("ann", "bob"), "c", "t", NONE);
    assertThat(loop.arrive(1, 1, List.of("bob"), "c", "t", NONE))
        .isEqualTo(ClosedLoopAdmission.Decision.REFUSE);
  }

  @Test
  void aRefusedSubmissionWaitsForTheFeedbackPlusTheRecordedThinkTime() {
    ClosedLoopAdmission a = new ClosedLoopAdmission(Long.MAX_VALUE, 7);
    Handed h = new Handed();
    // Recorded: feedback of job 0 at 50, the student thought 25 and submitted job 1 at 75.
    a.arrive(0, 0, List.of("ann"), "c", "t", 50);
    assertThat(a.arrive(1, 75, List.of("ann"), "c", "t", 130))
        .isEqualTo(ClosedLoopAdmission.Decision.REFUSE);
    assertThat(a.arrive(2, 150, List.of("ann"), "c", "t", NONE))
        .isEqualTo(ClosedLoopAdmission.Decision.REFUSE);

    a.delivered(0, 400, h);
    assertThat(h.log).containsExactly("retry 1@425");
    a.sent(1);
    a.delivered(1, 500, h);

    // Job 2: 150 - 130 (job 1's recorded feedback).
    assertThat(h.log).containsExactly("retry 1@425", "retry 2@520");
    assertThat(a.retried()).isEqualTo(1);
  }

  @Test
  void theLatestEarlierSubmissionOfAnyMemberGivesTheThinkTime() {
    ClosedLoopAdmission a = new ClosedLoopAdmission(Long.MAX_VALUE, 7);
    Handed h = new Handed();
    a.arrive(0, 0, List.of("bob"), "c", "t", 40);
    a.arrive(1, 60, List.of("ann"), "c", "t", 90);
    // Pending for bob and ann: ann's earlier one (feedback 90) is the later of the two.
    a.arrive(2, 100, List.of("ann", "bob"), "c", "t", NONE);
    a.delivered(0, 200, h);
    assertThat(h.log).isEmpty(); // ann's submission still pending
    a.delivered(1, 300, h);

    assertThat(h.log).containsExactly("retry 2@310");
  }

  @Test
  void submissionsThatWouldGoAfterTheCloseAreNeverSentAndTheirLanesMoveUp() {
    ClosedLoopAdmission a = new ClosedLoopAdmission(1000, 7);
    Handed h = new Handed();
    a.arrive(0, 0, List.of("ann"), "c", "t", 0);
    a.arrive(1, 500, List.of("ann"), "c", "t", 500); // think 500: would go at 1500
    a.arrive(2, 510, List.of("ann"), "c", "t", NONE); // think 10

    a.delivered(0, 1000, h);

    // Job 1 cannot go before the close; job 2 moves up, and 1000 + 10 is past the close too.
    assertThat(h.log).containsExactly("never 1", "never 2");
    assertThat(a.neverSent()).isEqualTo(2);
    assertThat(a.arrive(3, 1001, List.of("bob"), "c", "t", NONE))
        .isEqualTo(ClosedLoopAdmission.Decision.NEVER_SENT);
    assertThat(a.arrive(4, 1000, List.of("ann"), "c", "t", NONE))
        .isEqualTo(ClosedLoopAdmission.Decision.ADMIT);
    assertThat(a.neverSent()).isEqualTo(3);
  }

  @Test
  void aSubmissionBehindANeverSentOneMayStillGoBeforeTheClose() {
    ClosedLoopAdmission a = new ClosedLoopAdmission(1000, 7);
    Handed h = new Handed();
    a.arrive(0, 0, List.of("ann"), "c", "t", 0);
    a.arrive(1, 500, List.of("ann"), "c", "t", 500); // think 500
    a.arrive(2, 510, List.of("ann"), "c", "t", NONE); // think 10

    a.delivered(0, 900, h);

    assertThat(h.log).containsExactly("never 1", "retry 2@910");
  }

  @Test
  void submissionsWithoutUsersAreAlwaysAdmitted() {
    ClosedLoopAdmission a = new ClosedLoopAdmission(1000, 7);
    assertThat(a.arrive(0, 0, List.of(), "c", "t", NONE))
        .isEqualTo(ClosedLoopAdmission.Decision.ADMIT);
    assertThat(a.arrive(1, 0, List.of(), "c", "t", NONE))
        .isEqualTo(ClosedLoopAdmission.Decision.ADMIT);
    Handed h = new Handed();
    a.delivered(0, 10, h);
    assertThat(h.log).isEmpty();
  }
}
