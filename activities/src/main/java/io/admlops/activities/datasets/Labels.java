package io.admlops.activities.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.admlops.activities.store.Sha256;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.json.Mappers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A frame's labels as canonical JSON and its SHA-256. Keys are written sorted because object
 * attributes are maps whose iteration order may change from one run to the next; equal labels
 * must give equal hashes for a retried import to find its version.
 *
 * @param json the objects as a JSON array with sorted keys
 * @param hash hex SHA-256 of {@code json}
 */
record Labels(String json, String hash) {

  private static final ObjectWriter CANONICAL =
      Mappers.json().writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);

  static Labels of(List<FrameObject> objects) throws JsonProcessingException {
    String json = CANONICAL.writeValueAsString(Mappers.json().valueToTree(objects));
    return new Labels(json, Sha256.of(json));
  }

  /**
   * The hash of everything a frame says about its image besides its id: objects, lanes, scene
   * and camera. A version's content hash is built from these, so correcting lanes, a weather
   * attribute or a calibration makes a new version, and diff counts it as relabeled.
   */
  static String contentHash(Frame frame) throws JsonProcessingException {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("objects", frame.objects());
    content.put("lanes", frame.lanes());
    content.put("scene", frame.scene());
    content.put("camera", frame.camera());
    return Sha256.of(CANONICAL.writeValueAsString(Mappers.json().valueToTree(content)));
  }
}
