package io.gradesim.traces.format.inginious;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.gradesim.traces.RejectSink;
import io.gradesim.traces.TraceFormatException;
import io.gradesim.traces.io.TraceInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams the documents of a {@code mongoexport} of INGInious' {@code submissions} collection, one
 * at a time with Jackson's streaming parser: JSON lines (the default) or a JSON array ({@code
 * --jsonArray}), compact or {@code --pretty}.
 *
 * <p>In JSON lines a document starts on every line whose first character is not blank, a closing
 * bracket or a comma; the following indented lines belong to it (pretty output). A malformed
 * document is rejected with its line and the next one is read. In a JSON array a syntax error
 * cannot be resynchronised: it is rejected and ends the reading.
 */
final class InginiousExportReader {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  /** BSON documents are at most 16 MiB; JSON of one is a few times that at worst. */
  private static final int MAX_DOCUMENT_CHARS = 64 << 20;

  private static final char BOM = '\uFEFF';

  private InginiousExportReader() {}

  /** Opens {@code file}; close the stream to release it. */
  static Stream<InginiousDocument> read(Path file, RejectSink rejects) throws IOException {
    BufferedReader in = new BufferedReader(TraceInput.openText(file), 1 << 16);
    Iterator<InginiousDocument> docs;
    try {
      docs =
          firstSignificant(in) == '['
              ? new ArrayDocuments(file, in, rejects)
              : new LineDocuments(file, in, rejects);
    } catch (FileSystemException e) {
      in.close();
      throw e;
    } catch (IOException e) {
      in.close(); // a broken gzip stream, say: the file is named, not just the cause
      throw new TraceFormatException(file, 1, null, "unreadable: " + e.getMessage());
    } catch (RuntimeException e) {
      in.close();
      throw e;
    }
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(docs, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(
            () -> {
              try {
                in.close();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  private static int firstSignificant(BufferedReader in) throws IOException {
    in.mark(1 << 15);
    int c;
    int read = 0;
    do {
      c = in.read();
      read++;
    } while (c != -1 && (Character.isWhitespace(c) || c == BOM) && read < (1 << 15) - 1);
    in.reset();
    return c;
  }

  /** Documents of a JSON-lines export, each parsed on its own so that one bad line is local. */
  private static final class LineDocuments extends Lookahead {
    private final Path file;
    private final BufferedReader in;
    private final RejectSink rejects;
    private final DocumentParser parser;
    private String pending;
    private boolean broken;
    private long lineNo;
    private long ordinal;

    LineDocuments(Path file, BufferedReader in, RejectSink rejects) {
      this.file = file;
      this.in = in;
      this.rejects = rejects;
      this.parser = new DocumentParser(file);
    }

    @Override
    InginiousDocument advance() throws IOException {
      while (true) {
        String first = pending != null ? pending : readLine();
        pending = null;
        if (first == null) {
          return null;
        }
        lineNo++;
        if (lineNo == 1 && first.startsWith(String.valueOf(BOM))) {
          first = first.substring(1);
        }
        if (first.isBlank()) {
          continue;
        }
        long start = lineNo;
        StringBuilder doc = null;
        boolean tooLong = false;
        String next;
        while ((next = readLine()) != null && continues(next)) {
          lineNo++;
          if (doc == null) {
            doc = new StringBuilder(first);
          }
          tooLong |= doc.length() + next.length() > MAX_DOCUMENT_CHARS;
          if (!tooLong) {
            doc.append('\n').append(next);
          }
        }
        pending = next;
        ordinal++;
        if (tooLong) {
          rejects.reject(
              new TraceFormatException(
                  file,
                  start,
                  null,
                  "document " + ordinal + ": longer than " + MAX_DOCUMENT_CHARS + " characters"));
          continue;
        }
        String text = doc == null ? first : doc.toString();
        int invalid = TraceInput.invalidAt(text);
        if (invalid >= 0) {
          long at = start + text.substring(0, invalid).chars().filter(ch -> ch == '\n').count();
          rejects.reject(
              new TraceFormatException(
                  file,
                  at,
                  null,
                  "document " + ordinal + ": not valid UTF-8 (the export must be UTF-8 text)"));
          continue;
        }
        try (JsonParser p = JSON.createParser(text)) {
          p.nextToken();
          InginiousDocument d = parser.parse(p, start, ordinal);
          JsonToken extra = p.nextToken();
          if (extra != null) {
            throw new TraceFormatException(
                file,
                start,
                null,
                "document " + ordinal + ": unexpected " + extra + " after the end of the document");
          }
          return d;
        } catch (JsonProcessingException e) {
          rejects.reject(
              new TraceFormatException(
                  file,
                  start
                      + Math.max(0, e.getLocation() == null ? 0 : e.getLocation().getLineNr() - 1),
                  null,
                  "document " + ordinal + ": malformed JSON: " + e.getOriginalMessage()));
        } catch (TraceFormatException e) {
          rejects.reject(e);
        }
      }
    }

    /** The next line, or null at the end or where the input breaks (rejected with its line). */
    private String readLine() {
      if (broken) {
        return null;
      }
      try {
        return in.readLine();
      } catch (IOException e) {
        broken = true;
        rejects.reject(
            new TraceFormatException(
                file, lineNo + 1, null, "unreadable from here on: " + e.getMessage()));
        return null;
      }
    }

    /** A line continues the current document when it starts blank, with a bracket or comma. */
    private static boolean continues(String line) {
      if (line.isEmpty()) {
        return false;
      }
      char c = line.charAt(0);
      return c == ' ' || c == '\t' || c == '}' || c == ']' || c == ',';
    }
  }

  /** Documents of a {@code --jsonArray} export, read by one parser over the whole file. */
  private static final class ArrayDocuments extends Lookahead {
    private final Path file;
    private final RejectSink rejects;
    private final DocumentParser parser;
    private final JsonParser p;
    private long ordinal;
    private boolean done;

    ArrayDocuments(Path file, BufferedReader in, RejectSink rejects) throws IOException {
      this.file = file;
      this.rejects = rejects;
      this.parser = new DocumentParser(file);
      in.mark(1);
      if (in.read() != BOM) {
        in.reset();
      }
      this.p = JSON.createParser(in);
      p.nextToken();
    }

    @Override
    InginiousDocument advance() throws IOException {
      while (!done) {
        long line = 0;
        try {
          JsonToken t = p.nextToken();
          if (t == JsonToken.END_ARRAY || t == null) {
            done = true;
            if (t == null) {
              throw new TraceFormatException(
                  file,
                  p.currentLocation().getLineNr(),
                  null,
                  "the JSON array is not closed (truncated export?)");
            }
            return null;
          }
          ordinal++;
          line = p.currentTokenLocation().getLineNr();
          return parser.parse(p, line, ordinal);
        } catch (JsonProcessingException e) {
          done = true;
          long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
          rejects.reject(
              new TraceFormatException(
                  file,
                  at,
                  null,
                  "document "
                      + ordinal
                      + ": malformed JSON: "
                      + e.getOriginalMessage()
                      + "; the rest of the array cannot be read"));
        } catch (TraceFormatException e) {
          rejects.reject(e);
        } catch (IOException e) {
          done = true;
          rejects.reject(
              new TraceFormatException(
                  file,
                  p.currentLocation().getLineNr(),
                  null,
                  "unreadable from here on: " + e.getMessage()));
        }
      }
      return null;
    }
  }

  /** An iterator that computes its next element ahead of time. */
  private abstract static class Lookahead implements Iterator<InginiousDocument> {
    private InginiousDocument next;
    private boolean ended;

    /** The next document, or null at the end. */
    abstract InginiousDocument advance() throws IOException;

    @Override
    public boolean hasNext() {
      if (next == null && !ended) {
        try {
          next = advance();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        ended = next == null;
      }
      return next != null;
    }

    @Override
    public InginiousDocument next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      InginiousDocument d = next;
      next = null;
      return d;
    }
  }
}
