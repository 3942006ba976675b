package io.gradesim.probes.workload;

import io.gradesim.probes.runtime.ExecResult;
import io.gradesim.probes.runtime.HostCommand;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A TPC-C-like SQLite database after the thesis' ({@code resources/common/sqlite/create-db.sh}):
 * the nine tables of TPC-C (standard specification 5.11, clause 1.3) with the cardinalities of one
 * warehouse (clause 4.3.3.1), its text columns of random letters drawn from fixed seeds, and the
 * thesis' subsets per size: {@code xs} the warehouse only, {@code sm} new orders, {@code md}
 * orders, {@code lg} items and orders, {@code xl} everything (every size has the whole schema).
 * {@code read.sql} selects every table whole to {@code /dev/null} as the thesis' {@code
 * read.sqlite} does, {@code write.sql} copies every table as its {@code write.sqlite}; both then
 * print the row counts, which {@link #expectedCounts} predicts. An order's line count is a fixed
 * function of its ids (5 to 15, as the specification's random range) so the counts are known.
 */
final class TpccDatabase {
  /** The tables in the order the counts are printed. */
  enum Table {
    WAREHOUSE,
    DISTRICT,
    CUSTOMER,
    HISTORY,
    NEW_ORDER,
    ORDERS,
    ORDER_LINE,
    ITEM,
    STOCK;

    String sql() {
      return "c_" + name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static final int DISTRICTS = 10;
  private static final int CUSTOMERS = 3000; // per district
  private static final int ORDERS = 3000; // per district
  private static final int NEW_ORDERS = 900; // the last 900 orders of each district
  private static final int ITEMS = 100_000;
  private static final int BATCH = 500;
  private static final String DATE = "'2020-06-01 00:00:00'";

  private TpccDatabase() {}

  /** The tables {@code size} fills, after the thesis' subsets. */
  static Set<Table> filled(WorkloadSize size) {
    return switch (size) {
      case XS -> EnumSet.of(Table.WAREHOUSE);
      case SM -> EnumSet.of(Table.NEW_ORDER);
      case MD -> EnumSet.of(Table.ORDERS);
      case LG -> EnumSet.of(Table.ITEM, Table.ORDERS);
      case XL -> EnumSet.allOf(Table.class);
    };
  }

  /** The row counts of every table of {@code size}, as read.sql and write.sql print them. */
  static String expectedCounts(WorkloadSize size) {
    StringJoiner j = new StringJoiner("|");
    for (Table t : Table.values()) {
      j.add(Long.toString(filled(size).contains(t) ? rows(t) : 0));
    }
    return j.toString();
  }

  private static long rows(Table t) {
    return switch (t) {
      case WAREHOUSE -> 1;
      case DISTRICT -> DISTRICTS;
      case CUSTOMER, HISTORY -> (long) DISTRICTS * CUSTOMERS;
      case NEW_ORDER -> (long) DISTRICTS * NEW_ORDERS;
      case ORDERS -> (long) DISTRICTS * ORDERS;
      case ORDER_LINE -> {
        long n = 0;
        for (int d = 1; d <= DISTRICTS; d++) {
          for (int o = 1; o <= ORDERS; o++) {
            n += lines(d, o);
          }
        }
        yield n;
      }
      case ITEM, STOCK -> ITEMS;
    };
  }

  /** An order's line count, 5 to 15 (clause 4.3.3.1: o_ol_cnt random within [5 .. 15]). */
  private static int lines(int district, int order) {
    return 5 + (int) ((order * 7L + district * 3L) % 11);
  }

  /** Writes {@code dir/tpcc.db} of {@code size} with the host's sqlite3, then the two scripts. */
  static void build(Path dir, WorkloadSize size) throws IOException {
    Path load = dir.resolve("load.sql");
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(load, StandardCharsets.UTF_8))) {
      w.write("PRAGMA journal_mode=OFF;\nPRAGMA synchronous=OFF;\nBEGIN;\n");
      w.write(SCHEMA);
      for (Table t : filled(size)) {
        rows(t, w);
      }
      w.write("COMMIT;\n");
    }
    Path db = dir.resolve("tpcc.db");
    ExecResult r =
        HostCommand.run(
            List.of("sqlite3", "-bail", db.toString()), Duration.ofMinutes(30), dir, null, load);
    Files.delete(load);
    if (!r.ok()) {
      throw new IOException("sqlite3 " + db + " < load.sql: " + r.describe());
    }
    Files.writeString(dir.resolve("read.sql"), script(true));
    Files.writeString(dir.resolve("write.sql"), script(false));
  }

  /** read.sql (every table whole to /dev/null) or write.sql (every table copied), then counts. */
  private static String script(boolean read) {
    StringBuilder b = new StringBuilder();
    List<String> counts = new ArrayList<>();
    if (read) {
      b.append(".output /dev/null\n");
    }
    for (Table t : Table.values()) {
      if (read) {
        b.append("SELECT * FROM ").append(t.sql()).append(";\n");
        counts.add("(SELECT count(*) FROM " + t.sql() + ")");
      } else {
        b.append("CREATE TABLE copy_").append(t.sql()).append(" AS SELECT * FROM ");
        b.append(t.sql()).append(";\n");
        counts.add("(SELECT count(*) FROM copy_" + t.sql() + ")");
      }
    }
    if (read) {
      b.append(".output stdout\n");
    }
    b.append("SELECT ").append(String.join(", ", counts)).append(";\n");
    return b.toString();
  }

  private static final String SCHEMA =
      """
      CREATE TABLE c_warehouse (w_id INTEGER, w_name TEXT, w_street_1 TEXT, w_street_2 TEXT,
        w_city TEXT, w_state TEXT, w_zip TEXT, w_tax REAL, w_ytd REAL, PRIMARY KEY (w_id));
      CREATE TABLE c_district (d_id INTEGER, d_w_id INTEGER, d_name TEXT, d_street_1 TEXT,
        d_street_2 TEXT, d_city TEXT, d_state TEXT, d_zip TEXT, d_tax REAL, d_ytd REAL,
        d_next_o_id INTEGER, PRIMARY KEY (d_w_id, d_id));
      CREATE TABLE c_customer (c_id INTEGER, c_d_id INTEGER, c_w_id INTEGER, c_first TEXT,
        c_middle TEXT, c_last TEXT, c_street_1 TEXT, c_street_2 TEXT, c_city TEXT, c_state TEXT,
        c_zip TEXT, c_phone TEXT, c_since TEXT, c_credit TEXT, c_credit_lim REAL,
        c_discount REAL, c_balance REAL, c_ytd_payment REAL, c_payment_cnt INTEGER,
        c_delivery_cnt INTEGER, c_data TEXT, PRIMARY KEY (c_w_id, c_d_id, c_id));
      CREATE TABLE c_history (h_c_id INTEGER, h_c_d_id INTEGER, h_c_w_id INTEGER,
        h_d_id INTEGER, h_w_id INTEGER, h_date TEXT, h_amount REAL, h_data TEXT);
      CREATE TABLE c_new_order (no_o_id INTEGER, no_d_id INTEGER, no_w_id INTEGER,
        PRIMARY KEY (no_w_id, no_d_id, no_o_id));
      CREATE TABLE c_orders (o_id INTEGER, o_d_id INTEGER, o_w_id INTEGER, o_c_id INTEGER,
        o_entry_d TEXT, o_carrier_id INTEGER, o_ol_cnt INTEGER, o_all_local INTEGER,
        PRIMARY KEY (o_w_id, o_d_id, o_id));
      CREATE TABLE c_order_line (ol_o_id INTEGER, ol_d_id INTEGER, ol_w_id INTEGER,
        ol_number INTEGER, ol_i_id INTEGER, ol_supply_w_id INTEGER, ol_delivery_d TEXT,
        ol_quantity INTEGER, ol_amount REAL, ol_dist_info TEXT,
        PRIMARY KEY (ol_w_id, ol_d_id, ol_o_id, ol_number));
      CREATE TABLE c_item (i_id INTEGER, i_im_id INTEGER, i_name TEXT, i_price REAL,
        i_data TEXT, PRIMARY KEY (i_id));
      CREATE TABLE c_stock (s_i_id INTEGER, s_w_id INTEGER, s_quantity INTEGER,
        s_dist_01 TEXT, s_dist_02 TEXT, s_dist_03 TEXT, s_dist_04 TEXT, s_dist_05 TEXT,
        s_dist_06 TEXT, s_dist_07 TEXT, s_dist_08 TEXT, s_dist_09 TEXT, s_dist_10 TEXT,
        s_ytd INTEGER, s_order_cnt INTEGER, s_remote_cnt INTEGER, s_data TEXT,
        PRIMARY KEY (s_w_id, s_i_id));
      """;

  /** Inserts every row of {@code t}, {@value #BATCH} per statement. */
  private static void rows(Table t, Writer w) throws IOException {
    Rows out = new Rows(t, w, new Random(1000L + t.ordinal()));
    switch (t) {
      case WAREHOUSE ->
          out.row(
              1,
              out.a(6, 10),
              out.a(10, 20),
              out.a(10, 20),
              out.a(10, 20),
              out.a(2, 2),
              out.n(9),
              out.money(2000),
              30000000);
      case DISTRICT -> {
        for (int d = 1; d <= DISTRICTS; d++) {
          out.row(
              d,
              1,
              out.a(6, 10),
              out.a(10, 20),
              out.a(10, 20),
              out.a(10, 20),
              out.a(2, 2),
              out.n(9),
              out.money(2000),
              3000000,
              ORDERS + 1);
        }
      }
      case CUSTOMER -> {
        for (int d = 1; d <= DISTRICTS; d++) {
          for (int c = 1; c <= CUSTOMERS; c++) {
            out.row(
                c,
                d,
                1,
                out.a(8, 16),
                "'OE'",
                out.a(8, 16),
                out.a(10, 20),
                out.a(10, 20),
                out.a(10, 20),
                out.a(2, 2),
                out.n(9),
                out.n(16),
                DATE,
                c % 10 == 0 ? "'BC'" : "'GC'",
                50000,
                out.money(5000),
                -10,
                10,
                1,
                0,
                out.a(300, 500));
          }
        }
      }
      case HISTORY -> {
        for (int d = 1; d <= DISTRICTS; d++) {
          for (int c = 1; c <= CUSTOMERS; c++) {
            out.row(c, d, 1, d, 1, DATE, 10, out.a(12, 24));
          }
        }
      }
      case NEW_ORDER -> {
        for (int d = 1; d <= DISTRICTS; d++) {
          for (int o = ORDERS - NEW_ORDERS + 1; o <= ORDERS; o++) {
            out.row(o, d, 1);
          }
        }
      }
      case ORDERS -> {
        for (int d = 1; d <= DISTRICTS; d++) {
          for (int o = 1; o <= ORDERS; o++) {
            boolean delivered = o <= ORDERS - NEW_ORDERS;
            out.row(
                o,
                d,
                1,
                1 + (o * 37 % CUSTOMERS),
                DATE,
                delivered ? 1 + o % 10 : "NULL",
                lines(d, o),
                1);
          }
        }
      }
      case ORDER_LINE -> {
        for (int d = 1; d <= DISTRICTS; d++) {
          for (int o = 1; o <= ORDERS; o++) {
            boolean delivered = o <= ORDERS - NEW_ORDERS;
            for (int l = 1; l <= lines(d, o); l++) {
              out.row(
                  o,
                  d,
                  1,
                  l,
                  1 + ((o * 131 + l * 17) % ITEMS),
                  1,
                  delivered ? DATE : "NULL",
                  5,
                  delivered ? 0 : out.money(999999),
                  out.a(24, 24));
            }
          }
        }
      }
      case ITEM -> {
        for (int i = 1; i <= ITEMS; i++) {
          out.row(i, 1 + i % 10000, out.a(14, 24), out.money(10000), out.a(26, 50));
        }
      }
      case STOCK -> {
        for (int i = 1; i <= ITEMS; i++) {
          out.row(
              i,
              1,
              10 + i % 91,
              out.a(24, 24),
              out.a(24, 24),
              out.a(24, 24),
              out.a(24, 24),
              out.a(24, 24),
              out.a(24, 24),
              out.a(24, 24),
              out.a(24, 24),
              out.a(24, 24),
              out.a(24, 24),
              0,
              0,
              0,
              out.a(26, 50));
        }
      }
    }
    out.flush();
  }

  /** Multi-row INSERT statements of one table, with its seeded random text. */
  private static final class Rows {
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private final Table table;
    private final Writer w;
    private final Random random;
    private final StringBuilder b = new StringBuilder(1 << 16);
    private int pending;

    Rows(Table table, Writer w, Random random) {
      this.table = table;
      this.w = w;
      this.random = random;
    }

    /** A quoted string of {@code min} to {@code max} random letters. */
    String a(int min, int max) {
      int len = min + random.nextInt(max - min + 1);
      StringBuilder s = new StringBuilder(len + 2).append('\'');
      for (int i = 0; i < len; i++) {
        s.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
      }
      return s.append('\'').toString();
    }

    /** A quoted string of {@code len} random digits. */
    String n(int len) {
      StringBuilder s = new StringBuilder(len + 2).append('\'');
      for (int i = 0; i < len; i++) {
        s.append((char) ('0' + random.nextInt(10)));
      }
      return s.append('\'').toString();
    }

    /** A number of hundredths below {@code cents}, written exactly ({@code 12.34}). */
    String money(int cents) {
      int v = random.nextInt(cents);
      return v / 100 + "." + (v % 100 < 10 ? "0" : "") + v % 100;
    }

    void row(Object... values) throws IOException {
      b.append(pending == 0 ? "INSERT INTO " + table.sql() + " VALUES\n(" : ",\n(");
      for (int i = 0; i < values.length; i++) {
        b.append(i == 0 ? "" : ",").append(values[i]);
      }
      b.append(')');
      if (++pending == BATCH) {
        flush();
      }
    }

    void flush() throws IOException {
      if (pending > 0) {
        b.append(";\n");
        w.write(b.toString());
        b.setLength(0);
        pending = 0;
      }
    }
  }
}
