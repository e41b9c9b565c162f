package io.admlops.activities.annotate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.formats.BoxRules;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.PythonJson;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Label Studio's JSON export: a list of tasks, each with its {@code data} and its
 * {@code annotations[].result[]}. A task finds its frame by {@code data.frame_id} (the job puts
 * it there) or else by the image file name in {@code data.image}. Of a task's annotations the
 * cancelled ones are skipped and the last remaining one is used; a task with none is not
 * labeled. Boxes are {@code rectanglelabels} items in percent of the image; attribute values
 * are {@code choices} items with the box's region id.
 */
final class LabelStudioExportReader implements ReturnedLabelsReader {

  /** Rotations below this many degrees are rounding noise of an unrotated box. */
  private static final double NO_ROTATION = 1e-6;

  @Override
  public ReturnedLabels read(Path source, LabelingJob job, Path jobFolder,
      AnnotationStandard standard) throws IOException {
    ReturnCollector collector = new ReturnCollector(job, jobFolder);
    ProblemLog problems = collector.problems();
    String format = ReturnFormat.LABEL_STUDIO.cliName();
    if (!Files.isRegularFile(source)) {
      problems.error(source.toString(), "no Label Studio JSON export file there");
      return collector.finish(format, source);
    }
    JsonNode root;
    try (JsonParser parser = PythonJson.open(source)) {
      root = Mappers.json().readTree(parser);
    } catch (JsonProcessingException e) {
      problems.error(ProblemLog.at(source, e.getLocation().getLineNr()) + ":"
          + e.getLocation().getColumnNr(), "not valid JSON: " + e.getOriginalMessage());
      return collector.finish(format, source);
    }
    if (root == null || !root.isArray()) {
      problems.error(source.toString(), "expected Label Studio's JSON export, a list of tasks");
      return collector.finish(format, source);
    }
    TaskReader tasks = new TaskReader(source, standard, collector);
    for (int i = 0; i < root.size(); i++) {
      tasks.read(root.get(i), "/" + i);
    }
    return collector.finish(format, source);
  }

  /** Reads the tasks of one export file. */
  private static final class TaskReader {

    private final Path file;
    private final Taxonomy taxonomy;
    private final ObjectAttributes attributes;
    private final ReturnCollector collector;
    private final ProblemLog problems;

    TaskReader(Path file, AnnotationStandard standard, ReturnCollector collector) {
      this.file = file;
      this.taxonomy = standard.taxonomy();
      this.attributes = new ObjectAttributes(standard);
      this.collector = collector;
      this.problems = collector.problems();
    }

    void read(JsonNode task, String at) {
      if (!task.isObject()) {
        problems.error(at(at), "expected a task object");
        return;
      }
      Optional<JobFrame> frame = frame(task.path("data"), at + "/data");
      if (frame.isEmpty()) {
        return;
      }
      JsonNode annotations = task.has("annotations") ? task.get("annotations")
          : task.path("completions");
      String annotationsAt = at + (task.has("annotations") ? "/annotations" : "/completions");
      if (!annotations.isArray()) {
        problems.error(at(annotationsAt), "task has no annotations list; export with Label "
            + "Studio's JSON format (JSON-MIN and CSV leave it out)");
        return;
      }
      List<Integer> usable = new ArrayList<>();
      for (int k = 0; k < annotations.size(); k++) {
        if (!annotations.get(k).path("was_cancelled").asBoolean(false)) {
          usable.add(k);
        }
      }
      if (usable.isEmpty()) {
        return;
      }
      int chosen = usable.get(usable.size() - 1);
      if (usable.size() > 1) {
        problems.warning(at(annotationsAt), usable.size() + " annotations of "
            + frame.get().image() + "; the last one (" + chosen + ") is used");
      }
      String resultAt = annotationsAt + "/" + chosen + "/result";
      JsonNode result = annotations.get(chosen).path("result");
      if (!result.isArray()) {
        problems.error(at(resultAt), "expected a list of results");
        return;
      }
      collector.labeled(frame.get(), objects(result, resultAt, frame.get()), at(at));
    }

    private Optional<JobFrame> frame(JsonNode data, String at) {
      JsonNode frameId = data.path(LabelStudioTasks.FRAME_ID);
      JsonNode image = data.path(LabelStudioConfig.IMAGE);
      if (frameId.isTextual()) {
        Optional<JobFrame> frame = collector.job().frame(frameId.asText());
        if (frame.isEmpty()) {
          collector.unexpected(frameId.asText(), at(at + "/" + LabelStudioTasks.FRAME_ID));
        }
        return frame;
      }
      if (image.isTextual()) {
        Optional<JobFrame> frame = collector.job().frameForImage(image.asText());
        if (frame.isEmpty()) {
          collector.unexpected(image.asText(), at(at + "/" + LabelStudioConfig.IMAGE));
        }
        return frame;
      }
      problems.error(at(at), "task data has neither " + LabelStudioTasks.FRAME_ID + " nor "
          + LabelStudioConfig.IMAGE + "; its frame is unknown");
      return Optional.empty();
    }

    /** The boxes of one annotation, with the attribute values given for their regions. */
    private List<FrameObject> objects(JsonNode result, String at, JobFrame frame) {
      Map<String, FrameObject> boxes = new LinkedHashMap<>();
      Map<String, Map<String, String>> values = new LinkedHashMap<>();
      for (int r = 0; r < result.size(); r++) {
        JsonNode item = result.get(r);
        String itemAt = at + "/" + r;
        String region = item.path("id").asText("#" + r);
        String type = item.path("type").asText("");
        if (type.equals(LabelStudioRegions.RECTANGLE)) {
          box(item, itemAt, frame).ifPresent(b -> boxes.put(region, b));
        } else if (type.equals(LabelStudioRegions.CHOICES)) {
          choice(item, itemAt).ifPresent(v -> values.computeIfAbsent(region,
              k -> new LinkedHashMap<>()).put(item.path("from_name").asText(), v));
        } else {
          problems.warning(at(itemAt + "/type"), "result type '" + type + "' is not read; "
              + "only " + LabelStudioRegions.RECTANGLE + " boxes and their "
              + LabelStudioRegions.CHOICES + " are");
        }
      }
      values.keySet().stream().filter(region -> !boxes.containsKey(region)).forEach(region ->
          problems.warning(at(at), "attribute values for region " + region + ", which has no "
              + "valid box; they are ignored"));
      List<FrameObject> objects = new ArrayList<>();
      boxes.forEach((region, box) -> objects.add(
          attributes.withValues(box, values.getOrDefault(region, Map.of()))));
      return objects;
    }

    private Optional<FrameObject> box(JsonNode item, String at, JobFrame frame) {
      JsonNode value = item.path("value");
      for (String field : new String[] {"x", "y", "width", "height"}) {
        if (!value.path(field).isNumber()) {
          problems.error(at(at + "/value/" + field), "box needs a number " + field
              + " (percent of the image)");
          return Optional.empty();
        }
      }
      if (Math.abs(value.path("rotation").asDouble(0)) > NO_ROTATION) {
        problems.error(at(at + "/value/rotation"), "box is rotated by "
            + value.path("rotation").asDouble() + " degrees; boxes must be axis-aligned");
        return Optional.empty();
      }
      JsonNode labels = value.path(LabelStudioRegions.RECTANGLE);
      if (!labels.isArray() || labels.size() != 1 || !labels.get(0).isTextual()) {
        problems.error(at(at + "/value/" + LabelStudioRegions.RECTANGLE),
            "box needs exactly one class");
        return Optional.empty();
      }
      checkSize(item, at, frame);
      String label = labels.get(0).asText();
      Taxonomy.Resolution category = taxonomy.resolve(label);
      if (!category.known()) {
        problems.error(at(at + "/value/" + LabelStudioRegions.RECTANGLE + "/0"),
            "class '" + label + "' is not in the dataset's classes " + taxonomy.classes());
        return Optional.empty();
      }
      double w = frame.width() / 100.0;
      double h = frame.height() / 100.0;
      double x = value.get("x").asDouble();
      double y = value.get("y").asDouble();
      Box2D box = new Box2D(x * w, y * h, (x + value.get("width").asDouble()) * w,
          (y + value.get("height").asDouble()) * h);
      Optional<String> bad = BoxRules.problem(box, frame.width(), frame.height());
      if (bad.isPresent()) {
        problems.error(at(at + "/value"), bad.get());
        return Optional.empty();
      }
      return category.kept() ? Optional.of(FrameObject.box(category.category(), box))
          : Optional.empty();
    }

    /** Percentages are of the image Label Studio showed; a different size means another. */
    private void checkSize(JsonNode item, String at, JobFrame frame) {
      JsonNode width = item.path("original_width");
      JsonNode height = item.path("original_height");
      if (width.isNumber() && height.isNumber()
          && (width.asInt() != frame.width() || height.asInt() != frame.height())) {
        problems.warning(at(at), "labeled on a " + width.asInt() + "x" + height.asInt()
            + " image; " + frame.image() + " is " + frame.width() + "x" + frame.height());
      }
    }

    private Optional<String> choice(JsonNode item, String at) {
      JsonNode choices = item.path("value").path(LabelStudioRegions.CHOICES);
      if (!choices.isArray() || choices.size() != 1 || !choices.get(0).isTextual()) {
        problems.error(at(at + "/value/" + LabelStudioRegions.CHOICES),
            "expected exactly one attribute value");
        return Optional.empty();
      }
      String attribute = item.path("from_name").asText("");
      Optional<String> bad = attributes.problem(attribute, choices.get(0).asText());
      if (bad.isPresent()) {
        problems.error(at(at), bad.get());
        return Optional.empty();
      }
      return Optional.of(choices.get(0).asText());
    }

    private String at(String pointer) {
      return ProblemLog.at(file, pointer);
    }
  }
}
