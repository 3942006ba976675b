package io.gradesim.simulator.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage costs per runtime read from a calibration profile (DESIGN.md "Calibration profile"):
 * for each runtime, stage and concurrency level, the sample count, median, p90, p99, mean and
 * whether the figures were measured on this host or taken from the literature.
 *
 * <p>The reader walks the JSON tree: every object holding a {@code p50} (or {@code p50_ms},
 * {@code p50_s}, {@code p50_us}, also inside a {@code percentiles} object) is one entry, and its
 * runtime, stage and concurrency come from its own fields or from the keys that lead to it.
 */
public final class StageCosts {
  /** Container lifecycle stages in their order. */
  static final List<String> STAGES = List.of("create", "start", "exec", "stop", "remove");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> STRUCTURE = Set.of("runtimes", "stages", "levels",
      "concurrency", "entries", "costs", "percentiles", "fit", "profile");

  /** One runtime × stage × concurrency entry; times in milliseconds. */
  public record Entry(String runtime, String stage, int concurrency, long n, double p50Ms,
      double p90Ms, double p99Ms, double meanMs, boolean literature) {}

  private final List<Entry> entries;

  private StageCosts(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** All entries sorted by runtime, stage order and concurrency. */
  public List<Entry> entries() {
    return entries;
  }

  /** Entries at each runtime's lowest measured concurrency (one per runtime and stage). */
  public List<Entry> atLowestConcurrency() {
    Map<String, Integer> lowest = new HashMap<>();
    for (Entry e : entries) {
      lowest.merge(e.runtime(), e.concurrency(), Math::min);
    }
    return entries.stream().filter(e -> e.concurrency() == lowest.get(e.runtime())).toList();
  }

  /** Whether every entry for {@code runtime} comes from the literature (none measured here). */
  public boolean literatureOnly(String runtime) {
    List<Entry> rs = entries.stream().filter(e -> e.runtime().equals(runtime)).toList();
    return !rs.isEmpty() && rs.stream().allMatch(Entry::literature);
  }

  /** Reads a profile JSON file. */
  public static StageCosts read(Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (JacksonException e) {
      throw new IOException(file + ": line " + e.getLocation().getLineNr() + ": not valid JSON: "
          + e.getOriginalMessage(), e);
    }
    List<Entry> out = new ArrayList<>();
    walk(root, new Context(null, null, null, null), out);
    if (out.isEmpty()) {
      throw new IOException(file + ": line 1: no stage cost entries (objects with p50) found");
    }
    out.sort(Comparator.comparing(Entry::runtime)
        .thenComparingInt(e -> stageOrder(e.stage()))
        .thenComparing(Entry::stage)
        .thenComparingInt(Entry::concurrency));
    return new StageCosts(out);
  }

  private record Context(String runtime, String stage, Integer concurrency, String source) {
    Context with(String key, JsonNode node) {
      String rt = runtime;
      String st = stage;
      Integer c = concurrency;
      if (STAGES.contains(key)) {
        st = key;
      } else if (key.matches("\\d+")) {
        c = Integer.parseInt(key);
      } else if (rt == null && !STRUCTURE.contains(key) && node.isContainerNode()) {
        rt = key;
      }
      return new Context(rt, st, c, sourceOf(node, source));
    }
  }

  private static void walk(JsonNode node, Context ctx, List<Entry> out) {
    if (node.isArray()) {
      node.forEach(child -> walk(child, new Context(ctx.runtime, ctx.stage, ctx.concurrency,
          sourceOf(child, ctx.source)), out));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    Context here = new Context(
        JsonFields.text(node, ctx.runtime, "runtime"),
        JsonFields.text(node, ctx.stage, "stage"),
        node.has("concurrency") && node.get("concurrency").canConvertToInt()
            ? Integer.valueOf(node.get("concurrency").intValue()) : ctx.concurrency,
        sourceOf(node, ctx.source));
    JsonNode stats = node.has("percentiles") ? node.get("percentiles") : node;
    double p50 = millis(stats, "p50");
    if (!Double.isNaN(p50) && here.runtime != null && here.stage != null) {
      out.add(new Entry(here.runtime, here.stage, here.concurrency == null ? 1 : here.concurrency,
          (long) orZero(JsonFields.number(node, "n", "count", "samples")), p50,
          millis(stats, "p90"), millis(stats, "p99"), millis(node, "mean"),
          "literature".equalsIgnoreCase(here.source)));
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      walk(f.getValue(), here.with(f.getKey(), f.getValue()), out);
    }
  }

  private static String sourceOf(JsonNode node, String inherited) {
    JsonNode s = node.get("source");
    if (s == null) {
      return inherited;
    }
    return s.isTextual() ? s.textValue() : JsonFields.text(s, inherited, "kind", "type", "source");
  }

  private static double millis(JsonNode node, String key) {
    double v = JsonFields.number(node, key + "_ms");
    if (!Double.isNaN(v)) {
      return v;
    }
    v = JsonFields.number(node, key + "_s");
    if (!Double.isNaN(v)) {
      return v * 1000;
    }
    v = JsonFields.number(node, key + "_us");
    if (!Double.isNaN(v)) {
      return v / 1000;
    }
    v = JsonFields.number(node, key + "_ns");
    if (!Double.isNaN(v)) {
      return v / 1e6;
    }
    v = JsonFields.number(node, key);
    String unit = JsonFields.text(node, "ms", "unit");
    return switch (unit) {
      case "s" -> v * 1000;
      case "us", "µs" -> v / 1000;
      case "ns" -> v / 1e6;
      default -> v;
    };
  }

  private static int stageOrder(String stage) {
    int i = STAGES.indexOf(stage);
    return i < 0 ? STAGES.size() : i;
  }

  private static double orZero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }
}
