package io.admlops.activities.datasets;

import io.admlops.activities.formats.DatasetReader;
import io.admlops.activities.formats.FrameSink;
import io.admlops.activities.formats.ProblemLog;
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
   * {@code context}. Unless {@code dropInvalid}, the whole source is validated first and an
   * import with errors is refused before a single image is copied into the store; with it,
   * the invalid records are left out and the rest is imported in one pass.
   *
   * @throws UserInputException from {@link #deliver} when the source has errors and
   *     {@code dropInvalid} is false, naming the source and the number of problems
   */
  static FrameSource read(DatasetReader reader, Path source, ReadContext context,
      boolean dropInvalid) {
    return sink -> {
      if (!dropInvalid) {
        reader.read(source, context, frame -> { });
        if (context.problems().hasErrors()) {
          throw new UserInputException(source + ": " + context.problems().summary()
              + "; no dataset version was created "
              + "(--drop-invalid leaves the invalid records out and reports them)");
        }
        // The problems were all warnings; the second pass would report them again.
        reader.read(source, new ReadContext(new ProblemLog(), context.taxonomy()), sink);
        return;
      }
      reader.read(source, context, sink);
    };
  }
}
