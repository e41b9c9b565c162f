package io.admlops.activities.annotate;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The spec a labeling job's annotators read ({@code spec.md}): what is in the job, the
 * classes and what each covers, how boxes are drawn, the attributes, how pre-annotations are
 * meant, and how to return the labels. Generated from the annotation standard, so the spec
 * and the QA that judges the returned labels never disagree.
 */
final class AnnotationSpecDocument {

  private AnnotationSpecDocument() {}

  static void write(LabelingJob job, AnnotationStandard standard, Path file)
      throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# Annotation spec: ").append(job.dataset()).append(", batch ")
        .append(job.batchId()).append("\n\n");
    md.append(job.frames().size()).append(" images in `").append(LabelingJob.IMAGES)
        .append("/`. Draw a box around every object of the classes below, give each box ")
        .append(standard.attributes().isEmpty() ? "its class" : "its class and attributes")
        .append(", and nothing else.\n\n");
    md.append("| file | for |\n|---|---|\n");
    md.append("| `").append(LabelingJob.LABEL_STUDIO_TASKS).append("` | Label Studio: tasks to ")
        .append("import, with the pre-annotations as predictions |\n");
    md.append("| `").append(LabelingJob.LABEL_STUDIO_CONFIG).append("` | Label Studio: the ")
        .append("project's labeling interface |\n");
    md.append("| `").append(LabelingJob.CVAT_ANNOTATIONS).append("` | CVAT: upload as \"CVAT ")
        .append("1.1\" annotations into a task made from `").append(LabelingJob.IMAGES)
        .append("/` |\n");
    md.append("| `").append(LabelingJob.JOB).append("` | the job's record: frame ids, image ")
        .append("hashes, classes |\n\n");
    classes(md, standard);
    boxes(md, standard);
    attributes(md, standard);
    md.append("## Pre-annotations\n\n");
    md.append("Boxes are drawn in advance by ")
        .append(job.model() == null ? "a detector" : "the model `" + job.model() + "`")
        .append(". They are suggestions: correct their class and extent, delete the wrong ")
        .append("ones, add the missing ones. Returned labels are compared with them; a batch ")
        .append("in which many frames disagree strongly with them is checked again.\n\n");
    md.append("## Returning the labels\n\n");
    md.append("One of: Label Studio's JSON export (not JSON-MIN), CVAT for images 1.1 XML, ")
        .append("COCO instances JSON, or KITTI `label_2/` files. Keep the image file names ")
        .append("as they are here: they are how labels find their frame. Every frame must ")
        .append("be labeled; a frame without objects is labeled with no boxes (an empty ")
        .append("annotation, an image without boxes, an empty label file).\n");
    Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
  }

  private static void classes(StringBuilder md, AnnotationStandard standard) {
    md.append("## Classes\n\n| class | what it covers |\n|---|---|\n");
    for (String c : standard.classes()) {
      md.append("| `").append(c).append("` | ")
          .append(standard.classDescriptions().getOrDefault(c, "")).append(" |\n");
    }
    md.append("\nAnything else is not labeled.\n\n");
  }

  private static void boxes(StringBuilder md, AnnotationStandard standard) {
    md.append("## Boxes\n\n");
    for (String rule : standard.boxRules()) {
      md.append("- ").append(rule).append('\n');
    }
    if (standard.minBoxHeight() > 0) {
      md.append("- Objects whose box would be less than ")
          .append(BigDecimal.valueOf(standard.minBoxHeight()).stripTrailingZeros()
              .toPlainString())
          .append(" pixels tall are not labeled.\n");
    }
    md.append("- A box lies inside the image and has a positive width and height.\n\n");
  }

  private static void attributes(StringBuilder md, AnnotationStandard standard) {
    if (standard.attributes().isEmpty()) {
      return;
    }
    md.append("## Attributes\n\nEvery box has one value of each:\n\n");
    for (AttributeSpec a : standard.attributes()) {
      md.append("- **").append(a.name()).append("**: ").append(a.description())
          .append(" One of ")
          .append(a.values().stream().map(v -> "`" + v + "`").collect(Collectors.joining(", ")))
          .append(".\n");
    }
    md.append('\n');
  }
}
