package io.gradesim.journal.kryo;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEvent.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The compact encoding of consecutive simulated events inside one journal chunk: a tag byte per
 * event, times and submission ordinals as zig-zag varint deltas from the previous event, and
 * repeated strings (task, environment, result, reason) as indexes into a per-chunk dictionary.
 * About 4-6 bytes per event; the format is pinned by {@code ChunkCodecGoldenBytesTest}.
 */
public final class ChunkCodec {
  private static final int RUN_STARTED = 1;
  private static final int AGENT_UP = 2;
  private static final int AGENT_DOWN = 3;
  private static final int AGENT_LOST = 4;
  private static final int ARRIVED = 5;
  private static final int REJECTED = 6;
  private static final int DEFERRED = 7;
  private static final int QUEUED = 8;
  private static final int DISPATCHED = 9;
  private static final int CREATED = 10;
  private static final int STARTED = 11;
  private static final int GRADED = 12;
  private static final int REMOVED = 13;
  private static final int DELIVERED = 14;
  private static final int RUN_FINISHED = 15;
  private static final int REFUSED = 16;
  private static final int RETRIED = 17;
  private static final int NEVER_SENT = 18;

  private ChunkCodec() {}

  /** Encodes {@code events[from, to)} into {@code out}. */
  public static void encode(SimEvent[] events, int from, int to, Output out) {
    Writer w = new Writer(out);
    for (int i = from; i < to; i++) {
      w.write(events[i]);
    }
  }

  /**
   * Encodes events one at a time as they happen, so they need not be kept until a chunk is full;
   * {@link #take} gives the same bytes as {@link #encode} of the events added since the last take.
   */
  public static final class Encoder {
    private final Output out = new Output(64 * 1024, -1);
    private Writer writer = new Writer(out);
    private int count;

    /** Appends one event to the chunk being built. */
    public void add(SimEvent e) {
      writer.write(e);
      count++;
    }

    /** How many events the chunk being built holds. */
    public int count() {
      return count;
    }

    /** The payload of the chunk built so far; starts the next, empty chunk. */
    public byte[] take() {
      byte[] payload = out.toBytes();
      out.reset();
      writer = new Writer(out);
      count = 0;
      return payload;
    }
  }

  /** Decodes every event of {@code payload}, in order, into {@code sink}. */
  public static void decode(byte[] payload, Consumer<? super SimEvent> sink) {
    Reader r = new Reader(new Input(payload));
    while (!r.in.end()) {
      sink.accept(r.read());
    }
  }

  /** Decodes {@code payload} into a list (tests and small chunks). */
  public static List<SimEvent> decode(byte[] payload) {
    List<SimEvent> out = new ArrayList<>();
    decode(payload, out::add);
    return out;
  }

  private static final class Writer {
    final Output out;
    final Map<String, Integer> dict = new HashMap<>();
    long t;
    int n;

    Writer(Output out) {
      this.out = out;
    }

    void head(int tag, long time) {
      out.writeByte(tag);
      out.writeVarLong(time - t, false);
      t = time;
    }

    void sub(int tag, long time, int ordinal) {
      head(tag, time);
      out.writeVarInt(ordinal - n, false);
      n = ordinal;
    }

    void word(String s) {
      Integer i = dict.get(s);
      if (i != null) {
        out.writeVarInt(i, true);
      } else {
        out.writeVarInt(dict.size(), true);
        out.writeString(s);
        dict.put(s, dict.size());
      }
    }

    void write(SimEvent e) {
      if (e instanceof SubmissionQueued q) {
        sub(QUEUED, q.t(), q.n());
      } else if (e instanceof SubmissionDispatched d) {
        sub(DISPATCHED, d.t(), d.n());
        out.writeVarInt(d.agent(), true);
        out.writeVarInt(d.slot(), true);
      } else if (e instanceof ContainerCreated c) {
        sub(CREATED, c.t(), c.n());
      } else if (e instanceof ContainerStarted c) {
        sub(STARTED, c.t(), c.n());
      } else if (e instanceof GradingFinished g) {
        sub(GRADED, g.t(), g.n());
        word(g.result());
      } else if (e instanceof ContainerRemoved c) {
        sub(REMOVED, c.t(), c.n());
      } else if (e instanceof ResultDelivered d) {
        sub(DELIVERED, d.t(), d.n());
      } else if (e instanceof SubmissionArrived a) {
        sub(ARRIVED, a.t(), a.n());
        out.writeString(a.id());
        word(a.task());
        word(a.environment());
        out.writeVarInt(a.priority(), false);
      } else {
        writeRare(e);
      }
    }

    void writeRare(SimEvent e) {
      if (e instanceof SubmissionRejected r) {
        sub(REJECTED, r.t(), r.n());
        word(r.reason());
      } else if (e instanceof SubmissionDeferred d) {
        sub(DEFERRED, d.t(), d.n());
      } else if (e instanceof SubmissionRefused r) {
        sub(REFUSED, r.t(), r.n());
      } else if (e instanceof SubmissionRetried r) {
        sub(RETRIED, r.t(), r.n());
      } else if (e instanceof SubmissionNeverSent s) {
        sub(NEVER_SENT, s.t(), s.n());
      } else if (e instanceof AgentUp a) {
        head(AGENT_UP, a.t());
        out.writeVarInt(a.agent(), true);
        out.writeVarInt(a.slots(), true);
        out.writeVarInt(a.cores(), true);
        out.writeVarLong(a.memoryMb(), true);
      } else if (e instanceof AgentDown a) {
        head(AGENT_DOWN, a.t());
        out.writeVarInt(a.agent(), true);
      } else if (e instanceof AgentLost a) {
        head(AGENT_LOST, a.t());
        out.writeVarInt(a.agent(), true);
      } else if (e instanceof RunStarted s) {
        head(RUN_STARTED, s.t());
        RunEventSerializers.writeStarted(out, s);
      } else if (e instanceof RunFinished f) {
        head(RUN_FINISHED, f.t());
        out.writeString(f.summaryJson());
      } else {
        throw new IllegalArgumentException("no chunk encoding for " + e.getClass().getName());
      }
    }
  }

  private static final class Reader {
    final Input in;
    final List<String> dict = new ArrayList<>();
    long t;
    int n;

    Reader(Input in) {
      this.in = in;
    }

    String word() {
      int i = in.readVarInt(true);
      if (i < dict.size()) {
        return dict.get(i);
      }
      String s = in.readString();
      dict.add(s);
      return s;
    }

    int sub() {
      n += in.readVarInt(false);
      return n;
    }

    SimEvent read() {
      int tag = in.readByte();
      t += in.readVarLong(false);
      switch (tag) {
        case QUEUED:
          return new SubmissionQueued(t, sub());
        case DISPATCHED:
          return new SubmissionDispatched(t, sub(), in.readVarInt(true), in.readVarInt(true));
        case CREATED:
          return new ContainerCreated(t, sub());
        case STARTED:
          return new ContainerStarted(t, sub());
        case GRADED:
          return new GradingFinished(t, sub(), word());
        case REMOVED:
          return new ContainerRemoved(t, sub());
        case DELIVERED:
          return new ResultDelivered(t, sub());
        case ARRIVED:
          return new SubmissionArrived(
              t, sub(), in.readString(), word(), word(), in.readVarInt(false));
        case REJECTED:
          return new SubmissionRejected(t, sub(), word());
        case DEFERRED:
          return new SubmissionDeferred(t, sub());
        case REFUSED:
          return new SubmissionRefused(t, sub());
        case RETRIED:
          return new SubmissionRetried(t, sub());
        case NEVER_SENT:
          return new SubmissionNeverSent(t, sub());
        case AGENT_UP:
          return new AgentUp(
              t,
              in.readVarInt(true),
              in.readVarInt(true),
              in.readVarInt(true),
              in.readVarLong(true));
        case AGENT_DOWN:
          return new AgentDown(t, in.readVarInt(true));
        case AGENT_LOST:
          return new AgentLost(t, in.readVarInt(true));
        case RUN_STARTED:
          return RunEventSerializers.readStarted(in, t);
        case RUN_FINISHED:
          return new RunFinished(t, in.readString());
        default:
          throw new IllegalStateException("corrupt journal chunk: unknown event tag " + tag);
      }
    }
  }
}
