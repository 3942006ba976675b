package io.gradesim.traces.format.clics;

import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.TraceFormatException;
import io.gradesim.traces.format.ImportOptions;
import io.gradesim.traces.format.LazySubmissions;
import io.gradesim.traces.format.Pseudonyms;
import io.gradesim.traces.format.TraceImporter;
import io.gradesim.traces.io.TraceInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a CLICS contest event feed (NDJSON, as DOMjudge publishes it; CLICS Contest API 2022-07
 * {@code {"type","id","data","token"}} and the older {@code {"type","op","data"}} events): one
 * submission per {@code submissions} object, joined with its latest {@code judgements} object.
 * Arrival is the submission's {@code time} (else contest start + {@code contest_time}), {@code
 * grading_ms} = judgement {@code end_time} - {@code start_time}, {@code completed_at} = {@code
 * end_time}, the result maps {@code judgement_type_id} ({@link
 * io.gradesim.traces.format.Results#fromClics}), the environment is {@code docker/<language_id>},
 * the course the contest id and the user the pseudonymised team id. Submissions come out in
 * submission order; a submission never judged keeps empty grading and completion.
 */
public final class ClicsFeedImporter implements TraceImporter {
  private final ClicsCounts counts = new ClicsCounts();
  private Feed feed;

  @Override
  public Stream<Submission> read(Path input, ImportOptions options, RejectSink rejects)
      throws IOException {
    BufferedReader reader;
    try {
      reader = new BufferedReader(TraceInput.openText(input), 1 << 16);
    } catch (FileSystemException e) {
      throw e;
    } catch (IOException e) {
      throw new TraceFormatException(input, 1, null, "unreadable: " + e.getMessage());
    }
    counts.reset();
    feed = new Feed(input, reader, options, rejects, counts);
    return feed.stream(reader);
  }

  @Override
  public long line() {
    return feed == null ? 0 : feed.lastLine;
  }

  @Override
  public List<String> notes() {
    return counts.notes();
  }

  /** The most submissions the last import held at once while waiting for judgements. */
  public int peakPending() {
    return counts.peakPending;
  }

  /** The lazy event loop: reads lines until a submission is released. */
  private static final class Feed extends LazySubmissions {
    private final Path input;
    private final BufferedReader reader;
    private final RejectSink rejects;
    private final Pseudonyms names;
    private final ClicsCounts counts;
    private final ClicsEvents events;
    private final PendingSubmissions pending = new PendingSubmissions();
    private final Deque<Submission> ready = new ArrayDeque<>();
    private final Deque<Long> lines = new ArrayDeque<>();
    private long line;
    private long lastLine;
    private boolean ended;

    Feed(
        Path input,
        BufferedReader reader,
        ImportOptions options,
        RejectSink rejects,
        ClicsCounts counts) {
      this.input = input;
      this.reader = reader;
      this.rejects = rejects;
      this.names = new Pseudonyms(options);
      this.counts = counts;
      this.events = new ClicsEvents(input, options.zone(), pending, counts);
    }

    @Override
    protected Submission advance() {
      while (ready.isEmpty() && !ended) {
        String text = nextLine();
        if (text == null) {
          ended = true;
          pending.releaseAll(this::release);
        } else if (TraceInput.invalidAt(text) >= 0) {
          rejects.reject(
              new TraceFormatException(
                  input, line, null, "not valid UTF-8 (the feed must be UTF-8 text)"));
        } else if (!text.isBlank()) {
          try {
            events.accept(text, line);
          } catch (TraceFormatException e) {
            rejects.reject(e);
          }
          counts.peakPending = Math.max(counts.peakPending, pending.size());
          pending.releaseSettled(events.clock(), this::release);
        }
      }
      Submission s = ready.poll();
      if (s != null) {
        lastLine = lines.poll();
      }
      return s;
    }

    private String nextLine() {
      try {
        String text = reader.readLine();
        line++;
        return text;
      } catch (IOException e) {
        // A truncated gzip stream: what was read stays, the rest is reported.
        rejects.reject(
            new TraceFormatException(
                input, line + 1, null, "unreadable from here on: " + e.getMessage()));
        return null;
      }
    }

    private void release(PendingSubmissions.Entry e) {
      ready.add(submission(e));
      lines.add(e.line);
    }

    private Submission submission(PendingSubmissions.Entry e) {
      Long gradingMs = null;
      if (e.judgeEnd != null) {
        gradingMs = Duration.between(e.judgeStart, e.judgeEnd).toMillis();
        counts.judged++;
      } else {
        counts.unjudged++;
      }
      return new Submission(
          e.id,
          e.submittedAt,
          events.contestId(),
          e.task,
          List.of(names.of(e.team)),
          e.language == null ? null : "docker/" + e.language,
          0,
          gradingMs,
          e.judgeEnd,
          e.judgeEnd == null ? null : e.result,
          null,
          null,
          null);
    }
  }

  /** What an import counted beyond its rows, for {@link #notes()}. */
  static final class ClicsCounts {
    long judged;
    long unjudged;
    long deleted;
    long unmatched;
    int peakPending;
    Instant start;

    void reset() {
      judged = unjudged = deleted = unmatched = 0;
      peakPending = 0;
      start = null;
    }

    List<String> notes() {
      List<String> notes = new ArrayList<>();
      notes.add(
          "contest start "
              + (start == null ? "unknown" : start)
              + "; "
              + judged
              + " submissions judged, "
              + unjudged
              + " without a finished judgement (grading_ms and completed_at left empty); at most "
              + peakPending
              + " submissions were pending at once");
      if (deleted > 0) {
        notes.add(deleted + " submissions deleted by the feed were dropped");
      }
      if (unmatched > 0) {
        notes.add(
            unmatched
                + " judgement events name a submission that is not pending (never"
                + " seen, deleted, or written more than "
                + PendingSubmissions.SETTLE.toMinutes()
                + " min after its judgement ended): ignored");
      }
      return notes;
    }
  }
}
