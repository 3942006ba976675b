package io.gradesim.probes.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Payload names: today's, the thesis' workloads with or without a size, and errors. */
class JobTest {

  @Test
  void namesEveryThesisTestButPing() {
    assertThat(Job.parse("all")).hasSize(2 + 4 * 5);
    assertThat(Job.parse("all")).extracting(Job::thesisTest).doesNotContain("Ping");
    assertThat(Job.parse("db-read"))
        .extracting(Job::label)
        .containsExactly("db-read-xs", "db-read-sm", "db-read-md", "db-read-lg", "db-read-xl");
    assertThat(Job.parse("true, io-write-lg,hello"))
        .extracting(Job::label)
        .containsExactly("true", "io-write-lg", "hello");
    assertThat(Job.parse("http").get(0).steps())
        .extracting(Step::stage)
        .containsExactly("exec", Step.RESPOND);
    assertThat(Job.parse("io-read-xl").get(0).thesisTest()).isEqualTo("IO read xl");
  }

  @Test
  void rejectsAnUnknownNameListingTheKnownOnes() {
    assertThatThrownBy(() -> Job.parse("db-read-xxl"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown payload 'db-read-xxl'")
        .hasMessageContaining("io-write");
  }

  @Test
  void checksEachStepsOutput() {
    Step read = Job.parse("io-read-md").get(0).steps().get(0);
    assertThat(read.check().apply("1000\n")).isEmpty();
    assertThat(read.check().apply("999\n")).get().asString().contains("expected output '1000'");
    Step hello = Job.parse("hello").get(0).steps().get(0);
    assertThat(hello.check().apply("Hello World\n")).isEmpty();
    assertThat(hello.check().apply("")).isPresent();
  }
}
