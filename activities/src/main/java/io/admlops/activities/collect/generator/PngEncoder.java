package io.admlops.activities.collect.generator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes frames as PNG with the JDK's writer. Lossless, so labels drawn on a decoded frame
 * fall on exactly the pixels rendered; a middle compression level trades a little size for
 * the speed the generator needs.
 */
final class PngEncoder {

  private static final float COMPRESSION_QUALITY = 0.6f;

  private final ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
  private final ImageWriteParam param = writer.getDefaultWriteParam();

  PngEncoder() {
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(COMPRESSION_QUALITY);
  }

  byte[] encode(BufferedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      // Writing to memory has no I/O to fail; an exception here is a broken image writer.
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
