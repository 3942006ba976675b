package io.gradesim.simulator.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names the topics (environments {@code type/id}) seen so far and knows which agents serve each: an
 * agent announces patterns {@code type/id}, {@code type/*} or {@code *}. A topic is registered the
 * first time a submission names it and added to every agent whose patterns match.
 */
public final class TopicRegistry {
  private final TopicQueues queues;
  private final List<List<String>> patternsOfAgent;
  private final Map<String, Integer> ids = new HashMap<>();
  private final int[][] topicsOfAgent;
  private final int[] topicCount;

  /** A registry over {@code queues} for agents serving {@code patternsOfAgent} (one per agent). */
  public TopicRegistry(TopicQueues queues, List<List<String>> patternsOfAgent) {
    this.queues = queues;
    this.patternsOfAgent = List.copyOf(patternsOfAgent);
    this.topicsOfAgent = new int[patternsOfAgent.size()][4];
    this.topicCount = new int[patternsOfAgent.size()];
  }

  /** The topic of {@code environment}, registering it on first use; -1 when no agent serves it. */
  public int topicOf(String environment) {
    Integer id = ids.get(environment);
    if (id != null) {
      return id;
    }
    boolean served = false;
    for (List<String> patterns : patternsOfAgent) {
      served |= matches(patterns, environment);
    }
    if (!served) {
      return -1;
    }
    int topic = queues.addTopic();
    ids.put(environment, topic);
    for (int a = 0; a < topicsOfAgent.length; a++) {
      if (matches(patternsOfAgent.get(a), environment)) {
        if (topicCount[a] == topicsOfAgent[a].length) {
          topicsOfAgent[a] = Arrays.copyOf(topicsOfAgent[a], topicCount[a] * 2);
        }
        topicsOfAgent[a][topicCount[a]++] = topic;
      }
    }
    return topic;
  }

  /** The topics agent {@code agent} serves (the first {@link #topicCount(int)} entries). */
  public int[] topicsOf(int agent) {
    return topicsOfAgent[agent];
  }

  /** How many topics agent {@code agent} serves. */
  public int topicCount(int agent) {
    return topicCount[agent];
  }

  /** Whether one of {@code patterns} matches {@code environment} ({@code type/id}). */
  public static boolean matches(List<String> patterns, String environment) {
    for (String p : patterns) {
      if (p.equals("*") || p.equals(environment)) {
        return true;
      }
      if (p.endsWith("/*") && environment.startsWith(p.substring(0, p.length() - 1))) {
        return true;
      }
    }
    return false;
  }
}
