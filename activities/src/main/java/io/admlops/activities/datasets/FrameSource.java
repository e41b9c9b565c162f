package io.admlops.activities.datasets;

import io.admlops.activities.formats.DatasetReader;
import io.admlops.activities.formats.FrameSink;
import io.admlops.activities.formats.ReadContext;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The frames of one import, delivered one at a time with {@code image.uri} an absolute path.
 * A source may throw to refuse the import as a whole; it does so before any version is
 * registered.
 */
@FunctionalInterface
public interface FrameSource {

  void deliver(FrameSink sink) throws IOException;

  /** Frames built in memory, or any stream of frames through {@code stream::iterator}. */
  static FrameSource of(Iterable<Frame> frames) {
    return sink -> {
      for (Frame frame : frames) {
        sink.accept(frame);
      }
    };
  }

  /**
   * A dataset in one of the formats admlops reads. The reader reports problems to
   * {@code context}; when it found errors the import is refused unless {@code dropInvalid},
   * in which case the invalid records are left out and the rest is imported.
   *
   * @throws UserInputException from {@link #deliver} when the read found errors and
   *     {@code dropInvalid} is false, naming the source and the number of problems
   */
  static FrameSource read(DatasetReader reader, Path source, ReadContext context,
      boolean dropInvalid) {
    return sink -> {
      reader.read(source, context, sink);
      if (context.problems().hasErrors() && !dropInvalid) {
        throw new UserInputException(source + ": " + context.problems().summary()
            + "; no dataset version was created "
            + "(--drop-invalid leaves the invalid records out and reports them)");
      }
    };
  }
}
