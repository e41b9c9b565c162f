package io.admlops.activities.analyze;

import io.admlops.activities.formats.StagedDirectory;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an analysis into an output folder: {@value #JSON} for programs and
 * {@value #HTML}, a self-contained page for people. The folder appears only when both are
 * complete.
 */
public final class AnalysisReport {

  /** The result as JSON, readable back into an {@link AnalysisResult}. */
  public static final String JSON = "analysis.json";

  /** The report page, viewable offline. */
  public static final String HTML = "report.html";

  private AnalysisReport() {}

  /**
   * Writes both files into {@code output}.
   *
   * @throws io.admlops.schemas.UserInputException when the folder exists and is not empty
   */
  public static void write(AnalysisResult result, Path output) throws IOException {
    try (StagedDirectory staged = StagedDirectory.begin(output)) {
      Mappers.json().writerWithDefaultPrettyPrinter()
          .writeValue(staged.path().resolve(JSON).toFile(), result);
      Files.writeString(staged.path().resolve(HTML), ReportPage.render(result),
          StandardCharsets.UTF_8);
      staged.commit();
    }
  }
}
