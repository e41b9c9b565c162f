package io.admlops.workers.webhook;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.annotate.ReturnFormat;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.json.Mappers;
import io.admlops.workflows.loop.AnnotationsReturned;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * A vendor's "batch done" call as the webhook receives it:
 * {@code {"campaign": ..., "batchId": ..., "uri": ..., "format": ...}}; other fields are
 * ignored so vendors may send more.
 *
 * @param campaign the campaign's name (its workflow is {@code campaign-<name>})
 * @param returned the signal the call becomes
 */
public record BatchDoneCall(String campaign, AnnotationsReturned returned) {

  // A scheme of two letters or more; one letter is a Windows drive, i.e. a path.
  private static final Pattern URI_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):");

  /**
   * Reads a call's body.
   *
   * @throws UserInputException when the body is not JSON, or a field is missing, not text or
   *     not one of the accepted values, naming the field
   */
  public static BatchDoneCall parse(byte[] body) {
    JsonNode root;
    try {
      root = Mappers.json().readTree(body);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new UserInputException("body is not JSON: " + e.getOriginalMessage()
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"),
          e);
    } catch (IOException e) {
      throw new UserInputException("body is not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new UserInputException(
          "body: expected a JSON object with campaign, batchId, uri and format");
    }
    String format = text(root, "format");
    if (ReturnFormat.find(format).isEmpty()) {
      throw new UserInputException("field 'format': '" + format + "' is not a format labels "
          + "are returned in; expected one of " + ReturnFormat.NAMES);
    }
    return new BatchDoneCall(text(root, "campaign"),
        new AnnotationsReturned(text(root, "batchId"), fileUri(text(root, "uri")), format));
  }

  private static String text(JsonNode root, String field) {
    JsonNode value = root.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new UserInputException("field '" + field + "' is missing, empty or not text");
    }
    return value.asText().trim();
  }

  /** Workers read returned labels from files they can reach, so other schemes are refused. */
  private static String fileUri(String uri) {
    var scheme = URI_SCHEME.matcher(uri);
    if (scheme.find() && !scheme.group(1).equalsIgnoreCase("file")) {
      throw new UserInputException("field 'uri': expected a path or file: URI that the "
          + "workers can read, got '" + uri + "'");
    }
    return uri;
  }
}
