package io.admlops.workers.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * An HTTP status and its JSON body, as the webhook and the detection endpoint answer every
 * call, errors included.
 */
public record JsonReply(int status, ObjectNode body) {

  /** {@code {"error": message}} with the status. */
  public static JsonReply error(int status, String message) {
    return new JsonReply(status, Mappers.json().createObjectNode().put("error", message));
  }

  /** Sends the reply with its length, so the connection can be kept for the next call. */
  public void sendTo(HttpExchange exchange) throws IOException {
    byte[] bytes;
    try {
      bytes = Mappers.json().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
