package io.admlops.activities.evaluate.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.admlops.activities.PythonModules;
import io.admlops.schemas.json.Mappers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random ground truth and detections, evaluated by us and by pycocotools' COCOeval, must give
 * the same twelve statistics and per-class AP, overall and within each size band. Runs where
 * python3 has pycocotools, which {@code .ci/run} installs.
 */
class CocoEvaluatorPycocotoolsTest {

  private static final String EVALUATE_WITH_PYCOCOTOOLS = String.join("\n",
      "import contextlib, io, json, sys",
      "from pycocotools.coco import COCO",
      "from pycocotools.cocoeval import COCOeval",
      "with contextlib.redirect_stdout(io.StringIO()):",
      "    gt = COCO(sys.argv[1])",
      "    e = COCOeval(gt, gt.loadRes(sys.argv[2]), 'bbox')",
      "    e.evaluate(); e.accumulate(); e.summarize()",
      "names = ['AP', 'AP50', 'AP75', 'APs', 'APm', 'APl',",
      "         'AR1', 'AR10', 'AR100', 'ARs', 'ARm', 'ARl']",
      "def ap(p):",
      "    return float(p[p > -1].mean()) if (p > -1).any() else -1.0",
      "def per_class(a):",
      "    return {gt.cats[int(cat)]['name']: ap(e.eval['precision'][:, :, k, a, 2])",
      "            for k, cat in enumerate(e.params.catIds)}",
      "sizes = {label: {'ap': ap(e.eval['precision'][:, :, :, a, 2]),",
      "                 'ap50': ap(e.eval['precision'][0, :, :, a, 2]),",
      "                 'per_class': per_class(a)}",
      "         for a, label in enumerate(e.params.areaRngLbl) if label != 'all'}",
      "print(json.dumps({'stats': dict(zip(names, map(float, e.stats))),",
      "                  'per_class': per_class(0), 'sizes': sizes}))");

  /** Non-contiguous ids; the last category gets no ground truth, only false positives. */
  private static final long[] CATEGORY_IDS = {3, 7, 12, 40, 90};
  private static final String[] CATEGORY_NAMES = {"car", "pedestrian", "cyclist", "truck",
      "tram"};

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void randomDatasetsScoreAsInPycocotools(long seed) throws Exception {
    assumeTrue(PythonModules.importable(PythonModules.PYCOCOTOOLS),
        "python3 with pycocotools is not installed");
    Random random = new Random(seed);
    ObjectNode truth = Mappers.json().createObjectNode();
    ArrayNode results = Mappers.json().createArrayNode();
    generate(random, truth, results);
    Path truthFile = dir.resolve("gt.json");
    Path resultsFile = dir.resolve("dt.json");
    Mappers.json().writeValue(truthFile.toFile(), truth);
    Mappers.json().writeValue(resultsFile.toFile(), results);

    CocoEvaluation ours = new CocoEvaluator().evaluate(truthFile, resultsFile);
    JsonNode theirs = Mappers.json().readTree(pycocotools(truthFile, resultsFile));

    for (CocoStat stat : CocoStat.values()) {
      assertEquals(theirs.path("stats").path(stat.name()).asDouble(), ours.stat(stat), 1e-9,
          stat.name() + " of seed " + seed);
    }
    assertEquals(CATEGORY_NAMES.length, theirs.path("per_class").size());
    for (String name : CATEGORY_NAMES) {
      assertEquals(theirs.path("per_class").path(name).asDouble(),
          ours.perClassAp().get(name), 1e-9, name + " of seed " + seed);
    }
    for (String size : List.of("small", "medium", "large")) {
      JsonNode band = theirs.path("sizes").path(size);
      CocoSizeEvaluation ourBand = ours.sizes().get(size);
      assertEquals(band.path("ap").asDouble(), ourBand.ap(), 1e-9, size + " of seed " + seed);
      assertEquals(band.path("ap50").asDouble(), ourBand.ap50(), 1e-9,
          size + " AP50 of seed " + seed);
      for (String name : CATEGORY_NAMES) {
        assertEquals(band.path("per_class").path(name).asDouble(),
            ourBand.perClassAp().get(name), 1e-9, size + " " + name + " of seed " + seed);
      }
    }
    assertTrue(ours.stat(CocoStat.AP) > 0, "the detections find something");
    assertEquals(-1, ours.perClassAp().get("tram"));
  }

  /**
   * Eight images with scattered ids: one without ground truth, one without detections, one
   * with 150 detections. Objects of all three sizes, a few crowd regions, segment areas a bit
   * below their box areas, and scores on a 0.05 grid so that ties are common.
   */
  private static void generate(Random random, ObjectNode truth, ArrayNode results) {
    ArrayNode categories = truth.putArray("categories");
    for (int c = 0; c < CATEGORY_IDS.length; c++) {
      categories.addObject().put("id", CATEGORY_IDS[c]).put("name", CATEGORY_NAMES[c]);
    }
    ArrayNode images = truth.putArray("images");
    ArrayNode annotations = truth.putArray("annotations");
    long annotationId = 1;
    for (int i = 0; i < 8; i++) {
      long imageId = 1000 - 97L * i;
      images.addObject().put("id", imageId).put("file_name", imageId + ".png")
          .put("width", 1280).put("height", 720);
      int objects = i == 0 ? 0 : 2 + random.nextInt(10);
      List<double[]> boxes = new ArrayList<>();
      for (int o = 0; o < objects; o++) {
        double[] box = randomBox(random);
        int category = random.nextInt(CATEGORY_IDS.length - 1);
        boolean crowd = random.nextInt(8) == 0;
        ObjectNode annotation = annotations.addObject().put("id", annotationId++)
            .put("image_id", imageId).put("category_id", CATEGORY_IDS[category])
            .put("area", box[2] * box[3] * (0.6 + 0.4 * random.nextDouble()))
            .put("iscrowd", crowd ? 1 : 0);
        numbers(annotation.putArray("bbox"), box);
        if (i != 1 && random.nextInt(10) < 8) {
          detect(random, results, imageId, CATEGORY_IDS[category], jitter(random, box));
        }
        boxes.add(box);
      }
      int falsePositives = i == 1 ? 0 : i == 2 ? 150 : random.nextInt(6);
      for (int f = 0; f < falsePositives; f++) {
        double[] box = boxes.isEmpty() || random.nextBoolean() ? randomBox(random)
            : jitter(random, boxes.get(random.nextInt(boxes.size())));
        detect(random, results, imageId,
            CATEGORY_IDS[random.nextInt(CATEGORY_IDS.length)], box);
      }
    }
  }

  /** A box of a small (&lt; 32²), medium or large (&gt; 96²) size, at random. */
  private static double[] randomBox(Random random) {
    double side = switch (random.nextInt(3)) {
      case 0 -> 4 + random.nextDouble() * 30;
      case 1 -> 30 + random.nextDouble() * 70;
      default -> 90 + random.nextDouble() * 200;
    };
    double aspect = 0.5 + random.nextDouble();
    return new double[] {random.nextDouble() * 900, random.nextDouble() * 500, side * aspect,
        side / aspect};
  }

  /** The box moved and resized by up to a quarter of its size, so IoUs spread over 0.3..1. */
  private static double[] jitter(Random random, double[] box) {
    double[] moved = box.clone();
    for (int i = 0; i < 4; i++) {
      moved[i] += (random.nextDouble() - 0.5) * 0.5 * box[2 + i % 2];
    }
    moved[2] = Math.max(1, moved[2]);
    moved[3] = Math.max(1, moved[3]);
    return moved;
  }

  private static void detect(Random random, ArrayNode results, long imageId, long categoryId,
      double[] box) {
    ObjectNode detection = results.addObject().put("image_id", imageId)
        .put("category_id", categoryId).put("score", random.nextInt(21) * 0.05);
    numbers(detection.putArray("bbox"), box);
  }

  private static void numbers(ArrayNode array, double[] values) {
    for (double value : values) {
      array.add(value);
    }
  }


  private static String pycocotools(Path truth, Path results) throws Exception {
    Process p = new ProcessBuilder("python3", "-c", EVALUATE_WITH_PYCOCOTOOLS,
        truth.toString(), results.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "pycocotools failed on " + truth + " and " + results);
    return out.lines().reduce((a, b) -> b).orElse("");
  }
}
