package io.admlops.schemas.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.schemas.json.Mappers;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The records and frame.schema.json describe the same JSON, field for field. */
class FrameSchemaMirrorTest {

  private static final Frame FULL = new Frame("000042",
      new ImageRef("images/000042.png", 1242, 375, "a".repeat(64)),
      new CameraIntrinsics(List.of(721.5, 0.0, 609.6, 44.9, 0.0, 721.5, 172.9, 0.2, 0.0, 0.0,
          1.0, 0.003)),
      List.of(new FrameObject("7", "car", new Box2D(10, 20, 110, 80),
          new Box3D(1.5, 1.7, 20.1, 4.2, 1.8, 1.5, -1.57), 0.25, 1, "t3", true, true, 5400.0,
          0.9, Map.of("pose", "Frontal"))),
      List.of(new Lane(List.of(new Lane.Point(1, 2), new Lane.Point(3, 4)), "dashed")),
      new SceneAttributes("night", "foggy", "highway", List.of("mined:uncertainty")),
      new Provenance("kitti", "000042", "drive-0001", 7, 3));

  @Test
  void aFullySetFrameWritesExactlyTheFieldsTheSchemaDeclares() throws Exception {
    JsonNode schema = schema();
    JsonNode json = Mappers.json().valueToTree(FULL);

    assertFields(schema.path("properties"), json, "frame");
    JsonNode defs = schema.path("$defs");
    assertFields(defs.path("image").path("properties"), json.path("image"), "image");
    assertFields(defs.path("camera").path("properties"), json.path("camera"), "camera");
    JsonNode object = json.path("objects").get(0);
    assertFields(defs.path("object").path("properties"), object, "object");
    assertFields(defs.path("box2d").path("properties"), object.path("box"), "box2d");
    assertFields(defs.path("box3d").path("properties"), object.path("box3d"), "box3d");
    assertFields(defs.path("lane").path("properties"), json.path("lanes").get(0), "lane");
    assertFields(defs.path("scene").path("properties"), json.path("scene"), "scene");
    assertFields(defs.path("provenance").path("properties"), json.path("provenance"),
        "provenance");
  }

  @Test
  void aFrameReadsBackEqualFromItsJson() throws Exception {
    String line = Mappers.json().writeValueAsString(FULL);

    assertEquals(FULL, Mappers.json().readValue(line, Frame.class));
  }

  @Test
  void aMinimalFrameWritesOnlyWhatIsSet() throws Exception {
    Frame minimal = new Frame("f", new ImageRef("f.png", 4, 3, null), null, null, null, null,
        null);

    assertEquals("{\"id\":\"f\",\"image\":{\"uri\":\"f.png\",\"width\":4,\"height\":3}}",
        Mappers.json().writeValueAsString(minimal));
  }

  private static void assertFields(JsonNode declared, JsonNode written, String where) {
    assertEquals(names(declared.fieldNames()), names(written.fieldNames()), where);
  }

  private static TreeSet<String> names(Iterator<String> it) {
    TreeSet<String> set = new TreeSet<>();
    it.forEachRemaining(set::add);
    return set;
  }

  private static JsonNode schema() throws Exception {
    try (InputStream in = FrameSchemaMirrorTest.class.getResourceAsStream(
        "/json/frame.schema.json")) {
      return Mappers.json().readTree(in);
    }
  }
}
