package io.admlops.activities.formats;

import io.admlops.schemas.frame.Frame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a whole (small, test) dataset into a list, with the problems found. */
public record FrameCollector(List<Frame> frames, ProblemLog problems) {

  public static FrameCollector read(DatasetReader reader, Path source) {
    return read(reader, source, Taxonomy.SOURCE);
  }

  public static FrameCollector read(DatasetReader reader, Path source, Taxonomy taxonomy) {
    List<Frame> frames = new ArrayList<>();
    ReadContext context = new ReadContext(new ProblemLog(), taxonomy);
    try {
      reader.read(source, context, frames::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new FrameCollector(frames, context.problems());
  }

  /** The only problem found; fails when there is not exactly one. */
  public Problem onlyProblem() {
    if (problems.problems().size() != 1) {
      throw new AssertionError("expected one problem, found " + problems.problems());
    }
    return problems.problems().get(0);
  }
}
