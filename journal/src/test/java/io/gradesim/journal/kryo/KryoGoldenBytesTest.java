package io.gradesim.journal.kryo;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.journal.RunEvent;
import io.gradesim.journal.RunState;
import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEvent.*;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the wire format of every persisted type: if one of these hex strings changes, journals
 * written by earlier versions can no longer be read. Never update a pinned value; add a type.
 */
class KryoGoldenBytesTest {
  static final RunStarted STARTED =
      new RunStarted(
          0,
          "r1",
          1_709_888_400_000_000L,
          "exam.csv",
          "th",
          "pool.conf",
          "sh",
          "{\"agents\":1}",
          "",
          "",
          42,
          "0.1.0");

  /** One event of every type, in a realistic order. */
  static final List<SimEvent> EVERY_TYPE =
      List.of(
          new AgentUp(0, 0, 8, 8, 16384),
          new SubmissionArrived(1_000, 0, "s0", "t1", "docker/default", 0),
          new SubmissionQueued(1_000, 0),
          new SubmissionDispatched(1_500, 0, 0, 3),
          new ContainerCreated(21_500, 0),
          new ContainerStarted(171_500, 0),
          new SubmissionArrived(200_000, 1, "s1", "t1", "docker/default", 1),
          new SubmissionRejected(200_000, 1, "user already waiting"),
          new SubmissionArrived(250_000, 2, "s2", "t2", "docker/default", 0),
          new SubmissionDeferred(250_000, 2),
          new GradingFinished(2_171_500, 0, "success"),
          new ContainerRemoved(2_191_500, 0),
          new ResultDelivered(2_200_000, 0),
          new AgentLost(3_000_000, 0),
          new AgentDown(3_000_001, 1),
          STARTED,
          new RunFinished(4_000_000, "{}"));

  static String hex(Object o) {
    return HexFormat.of().formatHex(JournalKryo.toBytes(o));
  }

  @Test
  void chunkCodecRoundTripsEveryEventType() {
    SimEvent[] events = EVERY_TYPE.toArray(new SimEvent[0]);
    byte[] payload = JournalKryo.encodeChunk(events, 0, events.length);
    assertThat(ChunkCodec.decode(payload)).isEqualTo(EVERY_TYPE);
  }

  @Test
  void eventChunkBytesArePinned() {
    SimEvent[] events = EVERY_TYPE.toArray(new SimEvent[0]);
    byte[] payload = JournalKryo.encodeChunk(events, 0, events.length);
    RunEvent.EventChunk chunk = new RunEvent.EventChunk(1, events.length, 3, payload);
    assertThat(hex(chunk))
        .isEqualTo(
            "68011103cc01020000080880800105d00f0073b00074b101646f636b65"
                + "722f64656661756cf40008000009e8070000030ac0b802000be0a7120005a8bd030273b1000102060000"
                + "027573657220616c72656164792077616974696ee705a08d060273b20374b201000700000cb8c7ea0103"
                + "04737563636573f30dc0b802000ee88401000480d4610003020101819bee020072b10004b06a22130600"
                + "6578616d2e6373f674e8706f6f6c2e636f6ee673e87b226167656e7473223a31fd81812a000000000000"
                + "00302e312eb00f80a4e8037bfd");
    RunEvent.EventChunk back =
        (RunEvent.EventChunk) JournalKryo.fromBytes(JournalKryo.toBytes(chunk));
    assertThat(back.firstIndex()).isEqualTo(1);
    assertThat(back.count()).isEqualTo(events.length);
    assertThat(back.arrivals()).isEqualTo(3);
    assertThat(ChunkCodec.decode(back.payload())).isEqualTo(EVERY_TYPE);
  }

  @Test
  void runOpenedBytesArePinned() {
    pinned(
        new RunEvent.RunOpened(STARTED, 1_700_000_000_000L),
        "67" + STARTED_HEX + "0068e5cf8b010000");
  }

  @Test
  void runClosedBytesArePinned() {
    pinned(
        new RunEvent.RunClosed(new RunFinished(9, "{\"submissions\" : 1}")),
        "69097b227375626d697373696f6e7322203a2031fd");
  }

  @Test
  void runFailedBytesArePinned() {
    pinned(
        new RunEvent.RunFailed("bad trace", 1_700_000_000_001L),
        "6a6261642074726163e50168e5cf8b010000");
  }

  @Test
  void runResumedBytesArePinned() {
    pinned(new RunEvent.RunResumed(1_700_000_000_002L), "6c0268e5cf8b010000");
  }

  @Test
  void runStateBytesArePinned() {
    pinned(
        new RunState(RunState.Status.FINISHED, STARTED, 5, 6, 7, "{}", ""),
        "6b46494e49534845c401" + STARTED_HEX + "050000000000000006077bfd81");
    pinned(RunState.EMPTY, "6b4e45d700000000000000000000008181");
  }

  /** RunStarted's fields as every type that embeds it writes them. */
  static final String STARTED_HEX =
      "0072b10004b06a221306006578616d2e6373f674e8706f6f6c2e636f"
          + "6ee673e87b226167656e7473223a31fd81812a00000000000000302e312eb0";

  static void pinned(Object o, String expectedHex) {
    assertThat(hex(o)).as(o.getClass().getSimpleName()).isEqualTo(expectedHex);
    assertThat(JournalKryo.fromBytes(HexFormat.of().parseHex(expectedHex))).isEqualTo(o);
  }
}
