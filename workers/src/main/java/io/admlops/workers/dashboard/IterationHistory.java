package io.admlops.workers.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One iteration of a campaign as the loop journal recorded it.
 *
 * @param number the iteration, from 1
 * @param workflowId its Temporal workflow
 * @param stage the stage it is at, or {@code done}
 * @param status {@code running}, {@code waiting}, {@code completed} or {@code failed}
 * @param startedAt when it began
 * @param finishedAt when it ended, or null
 * @param summary what it did, written when it ended (the loop's IterationSummary), or null
 * @param stages the stages it reached, in the loop's order
 * @param trainingRun the registry id of the run that trained its candidate, or null
 */
public record IterationHistory(int number, String workflowId, String stage, String status,
    Instant startedAt, Instant finishedAt, JsonNode summary, List<StageRun> stages,
    Long trainingRun) {

  public IterationHistory {
    stages = List.copyOf(stages);
  }

  /** The same iteration with the run that trained its candidate. */
  IterationHistory withTrainingRun(Long run) {
    return new IterationHistory(number, workflowId, stage, status, startedAt, finishedAt,
        summary, stages, run);
  }

  /** The named stage, when the iteration reached it. */
  public Optional<StageRun> stageRun(String name) {
    return stages.stream().filter(s -> s.stage().equals(name)).findFirst();
  }

  /** The named stage's outputs, when it recorded any. */
  public Optional<JsonNode> detail(String name) {
    return stageRun(name).map(StageRun::detail).filter(d -> d != null && !d.isNull());
  }

  /** The model version it trained, {@code model:version}, when it trained one. */
  public Optional<String> candidate() {
    return text("train", "candidate");
  }

  /** The production model once it ended, {@code model:version}, when it says. */
  public Optional<String> productionAfter() {
    return text("deploy", "production");
  }

  /** Its candidate's overall mAP, once evaluated. */
  public Optional<Double> evaluatedMap() {
    return detail("evaluate").map(d -> d.path("map")).filter(JsonNode::isNumber)
        .or(() -> Optional.ofNullable(summary).map(s -> s.path("map"))
            .filter(JsonNode::isNumber))
        .map(JsonNode::doubleValue);
  }

  /** A text output of a stage, else the summary's field of that name. */
  private Optional<String> text(String stageName, String field) {
    return detail(stageName).map(d -> d.path(field).textValue())
        .or(() -> Optional.ofNullable(summary).map(s -> s.path(field).textValue()));
  }
}
