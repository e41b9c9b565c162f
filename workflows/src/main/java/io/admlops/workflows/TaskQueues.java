package io.admlops.workflows;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The three task queues workers poll. Orchestration, CPU stages and GPU stages are split so
 * that GPU machines only take the work that needs them and scale independently.
 */
public enum TaskQueues {
  /** Workflow code only: deterministic orchestration, no I/O. */
  WORKFLOWS("workflows", TaskQueues.WORKFLOWS_QUEUE),
  /** Collect, analyze, convert, annotate, deploy. */
  CPU("cpu", TaskQueues.CPU_QUEUE),
  /** Mine (inference), train, evaluate: DJL on a GPU when the machine has one. */
  GPU("gpu", TaskQueues.GPU_QUEUE);

  public static final String WORKFLOWS_QUEUE = "admlops-workflows";
  public static final String CPU_QUEUE = "admlops-cpu";
  public static final String GPU_QUEUE = "admlops-gpu";

  private final String shortName;
  private final String taskQueue;

  TaskQueues(String shortName, String taskQueue) {
    this.shortName = shortName;
    this.taskQueue = taskQueue;
  }

  /** The name used on the command line: {@code workflows}, {@code cpu}, {@code gpu}. */
  public String shortName() {
    return shortName;
  }

  /** The Temporal task queue name. */
  public String taskQueue() {
    return taskQueue;
  }

  /**
   * Parses a comma-separated list such as {@code workflows,cpu,gpu}.
   *
   * @throws IllegalArgumentException naming the unknown entry and the accepted ones
   */
  public static List<TaskQueues> parseList(String commaSeparated) {
    List<TaskQueues> queues = Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(TaskQueues::fromShortName)
        .distinct()
        .toList();
    if (queues.isEmpty()) {
      throw new IllegalArgumentException("no queue named; expected some of " + shortNames());
    }
    return queues;
  }

  static TaskQueues fromShortName(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(q -> q.shortName.equals(wanted) || q.taskQueue.equals(wanted))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "unknown queue '" + name + "'; expected some of " + shortNames()));
  }

  private static String shortNames() {
    return Arrays.stream(values()).map(TaskQueues::shortName).collect(Collectors.joining(","));
  }
}
