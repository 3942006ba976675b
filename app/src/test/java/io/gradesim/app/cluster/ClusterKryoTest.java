package io.gradesim.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.gradesim.app.cluster.ClusterProtocol.Chunk;
import io.gradesim.app.cluster.ClusterProtocol.Done;
import io.gradesim.app.cluster.ClusterProtocol.Pull;
import io.gradesim.app.cluster.ClusterProtocol.Ticket;
import io.gradesim.app.cluster.ClusterProtocol.ToWorker;
import java.util.HexFormat;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cluster messages' wire format: each round-trips through {@link ClusterKryo}, actor references
 * included; a ticket's bytes are pinned (nodes of one version must read each other's).
 */
class ClusterKryoTest {
  static ActorTestKit kit;
  static Kryo kryo;

  static final Ticket TICKET =
      new Ticket(
          "ab12",
          "exam.csv",
          "t5",
          "pool.conf",
          "b6",
          "s7",
          new String[] {"slots=3"},
          "",
          "",
          "none");

  @BeforeAll
  static void start() {
    kit = ActorTestKit.create();
    kryo = ClusterKryo.newKryo(ActorRefResolver.get(kit.system()));
  }

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  static byte[] bytes(Object o) {
    try (Output out = new Output(1024, -1)) {
      kryo.writeClassAndObject(out, o);
      return out.toBytes();
    }
  }

  static Object back(Object o) {
    return kryo.readClassAndObject(new Input(bytes(o)));
  }

  @Test
  void everyMessageRoundTrips() {
    ActorRef<ToWorker> worker = kit.<ToWorker>createTestProbe().getRef();
    assertThat(back(new Pull(worker))).isEqualTo(new Pull(worker));
    Ticket t = (Ticket) back(TICKET);
    assertThat(t.runId()).isEqualTo("ab12");
    assertThat(t.overrides()).containsExactly("slots=3");
    assertThat(t.journal()).isEqualTo("none");
    Done d =
        (Done)
            back(
                new Done(
                    worker,
                    "ab12",
                    kit.<ClusterProtocol.ToBlobs>createTestProbe().getRef(),
                    new String[] {"summary.json"},
                    new String[] {"h1"},
                    10,
                    3,
                    12_345,
                    "{}",
                    ""));
    assertThat(d.worker()).isEqualTo(worker);
    assertThat(d.files()).containsExactly("summary.json");
    assertThat(d.runNanos()).isEqualTo(12_345);
    Chunk c = (Chunk) back(new Chunk("h1", 0, new byte[] {1, 2, 3}, 3, ""));
    assertThat(c.bytes()).containsExactly(1, 2, 3);
    assertThat(c.total()).isEqualTo(3);
  }

  @Test
  void aTicketsBytesArePinned() {
    assertThat(HexFormat.of().formatHex(bytes(TICKET))).isEqualTo(PINNED_TICKET);
  }

  static final String PINNED_TICKET =
      "cf0181816e6f6ee502736c6f74733db3616231b262b6706f6f6c2e636f6ee673b76578616d2e6373f674b5";
}
