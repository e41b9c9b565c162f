package io.admlops.activities.formats;

import io.admlops.schemas.UserInputException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a dataset in one format and writes it in another, or only checks it. The output
 * appears only when complete; a dataset with errors is refused unless the caller accepts to
 * leave the invalid records out, in which case their locations and reasons are written to
 * {@value #REPORT} in the output.
 */
public final class DatasetConversion {

  /** The report of problems written beside a converted dataset that had any. */
  public static final String REPORT = "problems.txt";

  private DatasetConversion() {}

  /**
   * What a read or conversion saw.
   *
   * @param frames frames delivered (valid ones)
   * @param objects objects in those frames
   * @param problems every problem found
   */
  public record Outcome(long frames, long objects, ProblemLog problems) {}

  /** A dataset with errors, refused; its problems say where. */
  public static final class DatasetRejected extends UserInputException {
    private static final long serialVersionUID = 1L;
    private final transient ProblemLog problems;

    DatasetRejected(Path source, ProblemLog problems) {
      super(source + ": " + problems.summary() + "; nothing was written "
          + "(--drop-invalid leaves the invalid records out and reports them)");
      this.problems = problems;
    }

    public ProblemLog problems() {
      return problems;
    }
  }

  /**
   * Converts {@code source} into {@code output}.
   *
   * @throws DatasetRejected when the source has errors and {@code dropInvalid} is false
   */
  public static Outcome convert(DatasetFormat from, Path source, DatasetFormat to, Path output,
      Taxonomy taxonomy, boolean dropInvalid) throws IOException {
    ReadContext context = new ReadContext(new ProblemLog(), taxonomy);
    try (StagedDirectory staged = StagedDirectory.begin(output);
         DatasetWriter writer = to.openWriter(staged.path(), taxonomy)) {
      long[] counts = new long[2];
      from.reader().read(source, context, frame -> {
        writer.write(frame);
        counts[0]++;
        counts[1] += frame.objects().size();
      });
      if (context.problems().hasErrors() && !dropInvalid) {
        throw new DatasetRejected(source, context.problems());
      }
      writer.finish();
      if (!context.problems().problems().isEmpty()) {
        writeReport(staged.path().resolve(REPORT), context.problems());
      }
      staged.commit();
      return new Outcome(counts[0], counts[1], context.problems());
    }
  }

  /** Reads the whole dataset and reports every problem; writes nothing. */
  public static Outcome validate(DatasetFormat format, Path source, Taxonomy taxonomy)
      throws IOException {
    ReadContext context = new ReadContext(new ProblemLog(), taxonomy);
    long[] counts = new long[2];
    format.reader().read(source, context, frame -> {
      counts[0]++;
      counts[1] += frame.objects().size();
    });
    return new Outcome(counts[0], counts[1], context.problems());
  }

  private static void writeReport(Path file, ProblemLog problems) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Problem p : problems.problems()) {
        out.write(p.toString());
        out.write('\n');
      }
      out.write(problems.summary());
      out.write('\n');
    }
  }
}
