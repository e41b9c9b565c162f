package io.admlops.activities.formats;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one dataset format from its official on-disk layout into frames.
 *
 * <p>Contract for every reader:
 * <ul>
 *   <li>It streams: frames go to the sink as they are read, never collected first.
 *   <li>A frame's {@code image.uri} is the absolute path of its image file, so writers can
 *       link or copy it.
 *   <li>Every problem goes to {@link ReadContext#problems()} with its location
 *       ({@code file:line} or {@code file#/json/pointer}); an invalid object is left out of
 *       its frame, an invalid frame out of the stream. Reading goes on, so one run lists
 *       every problem.
 *   <li>Class names go through {@link ReadContext#taxonomy()}; an unknown class is an error
 *       at the location of the object.
 * </ul>
 */
public interface DatasetReader {

  /**
   * @param source the dataset as the command line names it (a folder or a file)
   * @throws IOException when the source cannot be read at all; it names the path
   */
  void read(Path source, ReadContext context, FrameSink sink) throws IOException;
}
