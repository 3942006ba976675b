package io.gradesim.traces.scale;

import io.gradesim.traces.Submission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trace's submissions grouped into sessions: the submissions of the students linked by working
 * together (a union-find over the users of each submission), so that cloning a session clones a
 * group as a group. A submission without users is a session of its own.
 */
final class Sessions {
  /** One session: its submissions in trace order and the distinct users it covers. */
  record Session(List<Submission> rows, List<String> users) {
    long first() {
      return ScaleTime.micros(rows.get(0).submittedAt());
    }

    long last() {
      return ScaleTime.micros(rows.get(rows.size() - 1).submittedAt());
    }
  }

  private Sessions() {}

  /** Groups {@code rows} (in trace order) into sessions, ordered by their first submission. */
  static List<Session> of(List<Submission> rows) {
    Map<String, Integer> userIndex = new HashMap<>();
    List<String> users = new ArrayList<>();
    for (Submission s : rows) {
      for (String u : s.users()) {
        if (userIndex.putIfAbsent(u, users.size()) == null) {
          users.add(u);
        }
      }
    }
    int[] parent = new int[users.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (Submission s : rows) {
      List<String> us = s.users();
      for (int i = 1; i < us.size(); i++) {
        union(parent, userIndex.get(us.get(0)), userIndex.get(us.get(i)));
      }
    }
    Map<Integer, Integer> sessionOfRoot = new HashMap<>();
    List<List<Submission>> sessionRows = new ArrayList<>();
    List<List<String>> sessionUsers = new ArrayList<>();
    for (Submission s : rows) {
      if (s.users().isEmpty()) {
        sessionRows.add(new ArrayList<>(List.of(s)));
        sessionUsers.add(List.of());
        continue;
      }
      int root = find(parent, userIndex.get(s.users().get(0)));
      Integer at = sessionOfRoot.get(root);
      if (at == null) {
        at = sessionRows.size();
        sessionOfRoot.put(root, at);
        sessionRows.add(new ArrayList<>());
        sessionUsers.add(new ArrayList<>());
      }
      sessionRows.get(at).add(s);
    }
    for (int u = 0; u < users.size(); u++) {
      sessionUsers.get(sessionOfRoot.get(find(parent, u))).add(users.get(u));
    }
    List<Session> out = new ArrayList<>(sessionRows.size());
    for (int i = 0; i < sessionRows.size(); i++) {
      out.add(new Session(List.copyOf(sessionRows.get(i)), List.copyOf(sessionUsers.get(i))));
    }
    return out;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
