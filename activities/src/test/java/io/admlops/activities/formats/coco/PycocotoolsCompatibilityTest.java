package io.admlops.activities.formats.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.PythonModules;
import io.admlops.activities.formats.DatasetConversion;
import io.admlops.activities.formats.DatasetFormat;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.activities.formats.TestImages;
import io.admlops.schemas.json.Mappers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The field's reference tool loads our COCO export and counts what we wrote. Runs where
 * python3 has pycocotools, which {@code .ci/run} installs.
 */
class PycocotoolsCompatibilityTest {

  private static final String COUNT_WITH_PYCOCOTOOLS = String.join("\n",
      "import json, sys",
      "from pycocotools.coco import COCO",
      "coco = COCO(sys.argv[1])",
      "cats = {c['name']: len(coco.getAnnIds(catIds=[c['id']])) for c in coco.loadCats(coco.getCatIds())}",
      "crowd = len(coco.getAnnIds(iscrowd=True))",
      "print(json.dumps({'images': len(coco.getImgIds()), 'annotations': len(coco.getAnnIds()),",
      "                  'per_category': cats, 'crowd': crowd}))");

  @TempDir Path dir;

  @Test
  void pycocotoolsLoadsAKittiDatasetExportedAsCocoWithTheSameCounts() throws Exception {
    assumeTrue(PythonModules.importable(PythonModules.PYCOCOTOOLS),
        "python3 with pycocotools is not installed");
    Path kitti = TestImages.copyFixture("kitti", dir.resolve("kitti"));
    TestImages.write(kitti.resolve("training/image_2/000000.png"), 1242, 375);
    TestImages.write(kitti.resolve("training/image_2/000001.png"), 1242, 375);
    Path out = dir.resolve("coco");

    DatasetConversion.Outcome outcome = DatasetConversion.convert(DatasetFormat.KITTI, kitti,
        DatasetFormat.COCO, out, Taxonomy.SOURCE, false);
    JsonNode counted = Mappers.json().readTree(python(out.resolve("annotations.json")));

    assertEquals(2, outcome.frames());
    assertEquals(2, counted.path("images").asInt());
    // KITTI's two DontCare regions have no COCO category: 7 objects, 5 annotations.
    assertEquals(7, outcome.objects());
    assertEquals(5, counted.path("annotations").asInt());
    assertEquals(1, counted.path("per_category").path("Pedestrian").asInt());
    assertEquals(1, counted.path("per_category").path("Car").asInt());
    assertEquals(1, counted.path("per_category").path("Van").asInt());
    assertEquals(0, counted.path("crowd").asInt());
  }

  @Test
  void pycocotoolsLoadsARoundTrippedCocoFileWithCrowdRegions() throws Exception {
    assumeTrue(PythonModules.importable(PythonModules.PYCOCOTOOLS),
        "python3 with pycocotools is not installed");
    Path coco = TestImages.copyFixture("coco", dir.resolve("coco"));
    TestImages.write(coco.resolve("val2017/000000397133.jpg"), 640, 427);
    TestImages.write(coco.resolve("val2017/000000037777.jpg"), 352, 230);
    TestImages.write(coco.resolve("val2017/000000252219.jpg"), 640, 428);
    Path out = dir.resolve("out");

    DatasetConversion.convert(DatasetFormat.COCO,
        coco.resolve("annotations/instances_val2017.json"), DatasetFormat.COCO, out,
        Taxonomy.SOURCE, false);
    JsonNode counted = Mappers.json().readTree(python(out.resolve("annotations.json")));

    assertEquals(3, counted.path("images").asInt());
    assertEquals(4, counted.path("annotations").asInt());
    assertEquals(2, counted.path("per_category").path("person").asInt());
    assertEquals(1, counted.path("crowd").asInt());
  }


  private static String python(Path annotations) throws Exception {
    Process p = new ProcessBuilder("python3", "-c", COUNT_WITH_PYCOCOTOOLS,
        annotations.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "pycocotools failed on " + annotations);
    return out.lines().reduce((a, b) -> b).orElse("");
  }
}
