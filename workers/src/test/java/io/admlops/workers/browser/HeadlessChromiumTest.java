package io.admlops.workers.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

@ExtendWith(ChromiumExtension.class)
class HeadlessChromiumTest {

  @Test
  void aPageIsShownAndSavedAtTheFixedWindowSizeUnderTheTestsName(HeadlessChromium browser)
      throws IOException {
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] page = ("<!doctype html><title>fixture</title><h1>Night and fog</h1>"
        + "<p id='size'></p><script>document.getElementById('size').textContent ="
        + " innerWidth + 'x' + innerHeight</script>").getBytes(StandardCharsets.UTF_8);
    server.createContext("/", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, page.length);
      exchange.getResponseBody().write(page);
      exchange.close();
    });
    server.start();
    try {
      browser.open("http://127.0.0.1:" + server.getAddress().getPort() + "/");

      assertEquals("Night and fog", browser.visible(By.tagName("h1")).getText());
      assertEquals(HeadlessChromium.WIDTH + "x" + HeadlessChromium.HEIGHT,
          browser.visible(By.id("size")).getText());
      Path shot = browser.screenshot("page");
      assertEquals(Path.of("target", "screenshots",
          "HeadlessChromiumTest.aPageIsShownAndSavedAtTheFixedWindowSizeUnderTheTestsName",
          "page.png"), shot);
      BufferedImage image = ImageIO.read(shot.toFile());
      assertEquals(HeadlessChromium.WIDTH, image.getWidth());
      assertEquals(HeadlessChromium.HEIGHT, image.getHeight());
    } finally {
      server.stop(0);
    }
  }
}
