package io.admlops.activities.formats;

import io.admlops.schemas.frame.Frame;
import java.io.IOException;

/**
 * Writes frames into one format's layout inside a folder it owns. Created by
 * {@link DatasetFormat#openWriter}; the folder is a temporary one that
 * {@link DatasetConversion} moves into place only when everything was written.
 */
public interface DatasetWriter extends AutoCloseable {

  /** Writes a frame whose {@code image.uri} is an absolute path. */
  void write(Frame frame) throws IOException;

  /** Completes the files (closing arrays, writing class lists) after the last frame. */
  void finish() throws IOException;

  /** Releases open files, finished or not; a failed conversion's folder is then deleted. */
  @Override
  default void close() throws IOException {}
}
