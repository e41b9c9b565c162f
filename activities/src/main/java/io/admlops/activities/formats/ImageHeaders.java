package io.admlops.activities.formats;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads an image's width and height from its header without decoding it: PNG's IHDR chunk,
 * JPEG's start-of-frame segment. Datasets such as KITTI and YOLO do not state image sizes,
 * and decoding every image of a large dataset just to learn its size would dominate import.
 */
public final class ImageHeaders {

  private ImageHeaders() {}

  /** Width and height in pixels. */
  public record Size(int width, int height) {}

  /**
   * The size of a frame's image, or empty after reporting at {@code location} why it cannot
   * be read; the frame is then left out.
   */
  public static Optional<Size> readOrReport(Path image, String location, ProblemLog problems) {
    try {
      return Optional.of(read(image));
    } catch (IOException e) {
      problems.error(location, e.getMessage() + "; the frame is left out");
      return Optional.empty();
    }
  }

  /**
   * @throws IOException when the file is neither PNG nor JPEG, or is cut short; names it
   */
  public static Size read(Path image) throws IOException {
    try (DataInputStream in = new DataInputStream(
        new java.io.BufferedInputStream(Files.newInputStream(image), 8192))) {
      int first = in.readUnsignedShort();
      if (first == 0x8950) {
        return png(in, image);
      }
      if (first == 0xFFD8) {
        return jpeg(in, image);
      }
      throw new IOException(image + ": not a PNG or JPEG image");
    } catch (EOFException e) {
      throw new IOException(image + ": image header cut short", e);
    }
  }

  private static Size png(DataInputStream in, Path image) throws IOException {
    // Signature (8 bytes, 2 read), IHDR length (4) and type (4), then width and height.
    in.skipNBytes(6 + 4);
    if (in.readInt() != 0x49484452) {
      throw new IOException(image + ": PNG without an IHDR chunk first");
    }
    return new Size(in.readInt(), in.readInt());
  }

  private static Size jpeg(DataInputStream in, Path image) throws IOException {
    while (true) {
      int marker = in.readUnsignedByte();
      if (marker != 0xFF) {
        throw new IOException(image + ": malformed JPEG segment");
      }
      int type = in.readUnsignedByte();
      while (type == 0xFF) {
        type = in.readUnsignedByte();
      }
      if (type == 0xD8 || (type >= 0xD0 && type <= 0xD7) || type == 0x01) {
        continue;
      }
      int length = in.readUnsignedShort();
      boolean startOfFrame = type >= 0xC0 && type <= 0xCF
          && type != 0xC4 && type != 0xC8 && type != 0xCC;
      if (startOfFrame) {
        in.readUnsignedByte();
        int height = in.readUnsignedShort();
        int width = in.readUnsignedShort();
        return new Size(width, height);
      }
      skip(in, length - 2);
    }
  }

  private static void skip(InputStream in, long n) throws IOException {
    in.skipNBytes(n);
  }
}
