package io.gradesim.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrontendAdmissionTest {

  @Test
  void rejectsASecondPendingSubmissionOfTheSameUserAndTask() {
    FrontendAdmission a = new FrontendAdmission(AdmissionPolicy.REJECT);
    assertThat(a.admit(1, List.of("u"), "c", "t")).isEqualTo(FrontendAdmission.Decision.ADMIT);
    assertThat(a.admit(2, List.of("u"), "c", "t")).isEqualTo(FrontendAdmission.Decision.REJECT);
    assertThat(a.admit(3, List.of("u"), "c", "other")).isEqualTo(FrontendAdmission.Decision.ADMIT);
    assertThat(a.admit(4, List.of("v"), "c", "t")).isEqualTo(FrontendAdmission.Decision.ADMIT);
    assertThat(a.delivered(1)).isEqualTo(-1);
    assertThat(a.admit(5, List.of("u"), "c", "t")).isEqualTo(FrontendAdmission.Decision.ADMIT);
    assertThat(a.rejected()).isEqualTo(1);
  }

  @Test
  void defersUntilThePreviousResultIsDeliveredInOrder() {
    FrontendAdmission a = new FrontendAdmission(AdmissionPolicy.DEFER);
    a.admit(1, List.of("u"), "c", "t");
    assertThat(a.admit(2, List.of("u"), "c", "t")).isEqualTo(FrontendAdmission.Decision.DEFER);
    assertThat(a.admit(3, List.of("u"), "c", "t")).isEqualTo(FrontendAdmission.Decision.DEFER);
    assertThat(a.delivered(1)).isEqualTo(2);
    assertThat(a.delivered(2)).isEqualTo(3);
    assertThat(a.delivered(3)).isEqualTo(-1);
    assertThat(a.deferred()).isEqualTo(2);
  }

  @Test
  void offAndAnonymousSubmissionsAreAlwaysAdmitted() {
    FrontendAdmission off = new FrontendAdmission(AdmissionPolicy.OFF);
    off.admit(1, List.of("u"), "c", "t");
    assertThat(off.admit(2, List.of("u"), "c", "t")).isEqualTo(FrontendAdmission.Decision.ADMIT);
    FrontendAdmission reject = new FrontendAdmission(AdmissionPolicy.REJECT);
    reject.admit(1, List.of(), "c", "t");
    assertThat(reject.admit(2, List.of(), "c", "t")).isEqualTo(FrontendAdmission.Decision.ADMIT);
  }
}
