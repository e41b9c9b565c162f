package io.admlops.workers.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP status and a body that is not JSON: a page, an SVG plot or a frame image.
 *
 * @param status the HTTP status
 * @param contentType the body's media type
 * @param body the bytes sent
 */
record ContentReply(int status, String contentType, byte[] body) {

  static ContentReply html(int status, String page) {
    return new ContentReply(status, "text/html; charset=utf-8",
        page.getBytes(StandardCharsets.UTF_8));
  }

  static ContentReply svg(String document) {
    return new ContentReply(200, "image/svg+xml; charset=utf-8",
        document.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends the reply with its length, so the connection can be kept for the next request. */
  void sendTo(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
