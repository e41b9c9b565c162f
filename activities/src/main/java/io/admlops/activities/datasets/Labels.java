package io.admlops.activities.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.json.Mappers;
import java.util.List;

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
}
