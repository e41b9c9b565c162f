package io.admlops.activities.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.admlops.activities.store.Sha256;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.FrameObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {

  @Test
  void keysAreWrittenSortedSoAttributeMapsHashTheSameInEveryRun() throws Exception {
    FrameObject car = new FrameObject(null, "car", new Box2D(1, 2, 30, 40), null, 0.5, 1, null,
        false, false, null, null, Map.of("pose", "Left", "color", "red"));

    Labels labels = Labels.of(List.of(car));

    assertEquals("[{\"attributes\":{\"color\":\"red\",\"pose\":\"Left\"},"
        + "\"box\":{\"x1\":1.0,\"x2\":30.0,\"y1\":2.0,\"y2\":40.0},\"category\":\"car\","
        + "\"crowd\":false,\"difficult\":false,\"occlusion\":1,\"truncation\":0.5}]",
        labels.json());
    assertEquals(Sha256.of(labels.json()), labels.hash());
  }

  @Test
  void differentLabelsHashDifferently() throws Exception {
    Labels car = Labels.of(List.of(FrameObject.box("car", new Box2D(1, 2, 30, 40))));
    Labels moved = Labels.of(List.of(FrameObject.box("car", new Box2D(1, 2, 30, 41))));
    Labels none = Labels.of(List.of());

    assertNotEquals(car.hash(), moved.hash());
    assertNotEquals(car.hash(), none.hash());
    assertEquals("[]", none.json());
  }
}
