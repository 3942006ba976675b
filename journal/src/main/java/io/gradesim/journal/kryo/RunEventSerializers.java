package io.gradesim.journal.kryo;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.gradesim.journal.RunEvent;
import io.gradesim.journal.RunState;
import io.gradesim.simulator.event.SimEvent;

/**
 * Hand-written Kryo serializers of the persisted journal types: fields in a fixed order written
 * explicitly, so a refactoring of a record cannot silently change its wire format.
 */
final class RunEventSerializers {
  private RunEventSerializers() {}

  static void writeStarted(Output out, SimEvent.RunStarted s) {
    out.writeVarLong(s.t(), true);
    out.writeString(s.runId());
    out.writeLong(s.epochMicros());
    out.writeString(s.traceFile());
    out.writeString(s.traceHash());
    out.writeString(s.scenarioName());
    out.writeString(s.scenarioHash());
    out.writeString(s.scenarioJson());
    out.writeString(s.calibrationFile());
    out.writeString(s.calibrationHash());
    out.writeLong(s.seed());
    out.writeString(s.version());
  }

  /** Reads a RunStarted written by {@link #writeStarted}. */
  static SimEvent.RunStarted readStarted(Input in) {
    return startedBody(in, in.readVarLong(true));
  }

  /** Reads a RunStarted whose time the caller already knows (chunk encoding). */
  static SimEvent.RunStarted readStarted(Input in, long t) {
    in.readVarLong(true); // the copy of t that writeStarted wrote; the caller's t wins
    return startedBody(in, t);
  }

  private static SimEvent.RunStarted startedBody(Input in, long t) {
    return new SimEvent.RunStarted(
        t,
        in.readString(),
        in.readLong(),
        in.readString(),
        in.readString(),
        in.readString(),
        in.readString(),
        in.readString(),
        in.readString(),
        in.readString(),
        in.readLong(),
        in.readString());
  }

  /** {@link RunEvent.RunOpened}: the RunStarted fields, then the wall-clock start. */
  static final class Opened extends Serializer<RunEvent.RunOpened> {
    @Override
    public void write(Kryo kryo, Output out, RunEvent.RunOpened e) {
      writeStarted(out, e.started());
      out.writeLong(e.wallMillis());
    }

    @Override
    public RunEvent.RunOpened read(Kryo kryo, Input in, Class<? extends RunEvent.RunOpened> c) {
      SimEvent.RunStarted s = readStarted(in);
      return new RunEvent.RunOpened(s, in.readLong());
    }
  }

  /** {@link RunEvent.EventChunk}: first index, count, arrivals, payload length and bytes. */
  static final class Chunk extends Serializer<RunEvent.EventChunk> {
    @Override
    public void write(Kryo kryo, Output out, RunEvent.EventChunk e) {
      out.writeVarLong(e.firstIndex(), true);
      out.writeVarInt(e.count(), true);
      out.writeVarInt(e.arrivals(), true);
      out.writeVarInt(e.payload().length, true);
      out.writeBytes(e.payload());
    }

    @Override
    public RunEvent.EventChunk read(Kryo kryo, Input in, Class<? extends RunEvent.EventChunk> c) {
      long first = in.readVarLong(true);
      int count = in.readVarInt(true);
      int arrivals = in.readVarInt(true);
      return new RunEvent.EventChunk(first, count, arrivals, in.readBytes(in.readVarInt(true)));
    }
  }

  /** {@link RunEvent.RunClosed}: the RunFinished time and summary. */
  static final class Closed extends Serializer<RunEvent.RunClosed> {
    @Override
    public void write(Kryo kryo, Output out, RunEvent.RunClosed e) {
      out.writeVarLong(e.finished().t(), true);
      out.writeString(e.finished().summaryJson());
    }

    @Override
    public RunEvent.RunClosed read(Kryo kryo, Input in, Class<? extends RunEvent.RunClosed> c) {
      long t = in.readVarLong(true);
      return new RunEvent.RunClosed(new SimEvent.RunFinished(t, in.readString()));
    }
  }

  /** {@link RunEvent.RunResumed}: the wall-clock time. */
  static final class Resumed extends Serializer<RunEvent.RunResumed> {
    @Override
    public void write(Kryo kryo, Output out, RunEvent.RunResumed e) {
      out.writeLong(e.wallMillis());
    }

    @Override
    public RunEvent.RunResumed read(Kryo kryo, Input in, Class<? extends RunEvent.RunResumed> c) {
      return new RunEvent.RunResumed(in.readLong());
    }
  }

  /** {@link RunEvent.RunFailed}: the reason, then the wall-clock time. */
  static final class Failed extends Serializer<RunEvent.RunFailed> {
    @Override
    public void write(Kryo kryo, Output out, RunEvent.RunFailed e) {
      out.writeString(e.reason());
      out.writeLong(e.wallMillis());
    }

    @Override
    public RunEvent.RunFailed read(Kryo kryo, Input in, Class<? extends RunEvent.RunFailed> c) {
      String reason = in.readString();
      return new RunEvent.RunFailed(reason, in.readLong());
    }
  }

  /** {@link RunState} (the snapshot): status name, provenance or none, counters, texts. */
  static final class State extends Serializer<RunState> {
    @Override
    public void write(Kryo kryo, Output out, RunState s) {
      out.writeString(s.status().name());
      out.writeBoolean(s.started() != null);
      if (s.started() != null) {
        writeStarted(out, s.started());
      }
      out.writeLong(s.startedMillis());
      out.writeVarLong(s.events(), true);
      out.writeVarLong(s.submissions(), true);
      out.writeString(s.summaryJson());
      out.writeString(s.reason());
    }

    @Override
    public RunState read(Kryo kryo, Input in, Class<? extends RunState> c) {
      RunState.Status status = RunState.Status.valueOf(in.readString());
      SimEvent.RunStarted started = in.readBoolean() ? readStarted(in) : null;
      return new RunState(
          status,
          started,
          in.readLong(),
          in.readVarLong(true),
          in.readVarLong(true),
          in.readString(),
          in.readString());
    }
  }
}
