package io.admlops.activities.annotate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.admlops.activities.formats.DatasetFormat;
import io.admlops.activities.formats.ImagePlacer;
import io.admlops.activities.formats.Problem;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.PythonJson;
import io.admlops.activities.formats.ReadContext;
import io.admlops.activities.formats.StagedDirectory;
import io.admlops.activities.formats.coco.CocoReader;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads labels returned as COCO or KITTI with the dataset readers admlops already has. Those
 * readers look for images beside the labels, which vendors rarely send back, so the labels are
 * read from a scratch view: the returned label files with the job's own images placed where
 * the reader looks, under the names the labels use. Labels for images the job does not have
 * are kept out of the view and named as unexpected. Problems are reported at the returned
 * files, never at the view.
 */
final class DatasetFormatReturn implements ReturnedLabelsReader {

  private final ReturnFormat format;
  private final DatasetFormat datasetFormat;

  DatasetFormatReturn(ReturnFormat format, DatasetFormat datasetFormat) {
    this.format = format;
    this.datasetFormat = datasetFormat;
  }

  @Override
  public ReturnedLabels read(Path source, LabelingJob job, Path jobFolder,
      AnnotationStandard standard) throws IOException {
    ReturnCollector collector = new ReturnCollector(job, jobFolder);
    // Beside the job so images are hard-linked, not copied; never committed, so closing it
    // deletes it however reading ends.
    try (StagedDirectory scratch = StagedDirectory.begin(
        jobFolder.resolveSibling("." + job.batchId() + ".returned"))) {
      View view = new View(scratch.path(), jobFolder, collector);
      Optional<Path> viewSource = datasetFormat == DatasetFormat.COCO ? view.coco(source)
          : view.kitti(source);
      if (viewSource.isPresent()) {
        ProblemLog found = new ProblemLog();
        try {
          datasetFormat.reader().read(viewSource.get(),
              new ReadContext(found, standard.taxonomy()), view::accept);
        } catch (UserInputException e) {
          unreadable(viewSource.get(), e.getMessage(), found);
        }
        view.report(found);
      }
    }
    return collector.finish(format.cliName(), source);
  }

  /**
   * A reader's refusal of the whole source as a problem: its message starts with the source
   * and possibly a line, column or JSON pointer, which become the problem's location.
   */
  private static void unreadable(Path viewSource, String message, ProblemLog found) {
    Matcher at = Pattern.compile(Pattern.quote(viewSource.toString())
        + "((?::\\d+)*|#\\S*): (.*)", Pattern.DOTALL).matcher(message);
    if (at.matches()) {
      found.error(viewSource + at.group(1), at.group(2));
    } else {
      found.error(viewSource.toString(), message);
    }
  }

  /** The scratch folder the dataset reader reads, and how to map it back. */
  private static final class View {

    private final Path root;
    private final Path jobFolder;
    private final ReturnCollector collector;
    private final LabelingJob job;
    /** View path to the returned (or job) path it stands for, for locations and messages. */
    private final Map<String, String> relocation = new LinkedHashMap<>();
    /** Image file name to where its labels are in the returned files. */
    private final Map<String, String> labelsAt = new HashMap<>();
    /** Locations already reported as unexpected images, whose reader errors are redundant. */
    private final Set<String> reported = new HashSet<>();

    View(Path root, Path jobFolder, ReturnCollector collector) {
      this.root = root;
      this.jobFolder = jobFolder;
      this.collector = collector;
      this.job = collector.job();
    }

    /** The COCO JSON copied into the view, with the job's images under {@code images/}. */
    Optional<Path> coco(Path source) throws IOException {
      Path file = Files.isDirectory(source) ? source.resolve(CocoReader.ANNOTATIONS) : source;
      if (!Files.isRegularFile(file)) {
        collector.problems().error(source.toString(), "no COCO instances JSON there (a file, "
            + "or a folder holding " + CocoReader.ANNOTATIONS + ")");
        return Optional.empty();
      }
      Path copy = Files.copy(file, root.resolve(file.getFileName().toString()));
      relocate(copy, file);
      ImagePlacer images = new ImagePlacer(root.resolve("images"));
      JsonNode listed = imagesOf(file);
      for (int i = 0; i < listed.size(); i++) {
        JsonNode name = listed.get(i).path("file_name");
        if (!name.isTextual()) {
          continue;
        }
        String at = ProblemLog.at(file, "/images/" + i + "/file_name");
        Optional<JobFrame> frame = job.frameForImage(name.asText());
        if (frame.isEmpty()) {
          collector.unexpected(name.asText(), at);
          reported.add(at);
          continue;
        }
        labelsAt.putIfAbsent(fileName(name.asText()), ProblemLog.at(file, "/images/" + i));
        place(images, frame.get(), name.asText());
      }
      return Optional.of(copy);
    }

    /** KITTI's {@code label_2/} (and {@code calib/}) copied, the job's images in image_2/. */
    Optional<Path> kitti(Path source) throws IOException {
      Path dataset = Files.isDirectory(source.resolve("training")) ? source.resolve("training")
          : source;
      Path labels = dataset.resolve("label_2");
      if (!Files.isDirectory(labels)) {
        collector.problems().error(source.toString(), "no label_2/ folder (KITTI's layout: "
            + "label_2/ with one text file per image, optional calib/)");
        return Optional.empty();
      }
      Path viewLabels = Files.createDirectories(root.resolve("label_2"));
      Path viewCalib = root.resolve("calib");
      relocate(viewLabels, labels);
      relocate(viewCalib, dataset.resolve("calib"));
      ImagePlacer images = new ImagePlacer(root.resolve("image_2"));
      List<Path> files;
      try (Stream<Path> listing = Files.list(labels)) {
        files = listing.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
      }
      for (Path labelFile : files) {
        String stem = stem(labelFile.getFileName().toString());
        Optional<JobFrame> frame = job.frames().stream()
            .filter(f -> stem(f.image()).equals(stem)).findFirst();
        if (frame.isEmpty()) {
          collector.unexpected(labelFile.getFileName().toString(),
              ProblemLog.at(labelFile, 1));
          continue;
        }
        Files.copy(labelFile, viewLabels.resolve(labelFile.getFileName().toString()));
        Path calib = dataset.resolve("calib").resolve(labelFile.getFileName().toString());
        if (Files.isRegularFile(calib)) {
          Files.createDirectories(viewCalib);
          Files.copy(calib, viewCalib.resolve(calib.getFileName().toString()));
        }
        String name = stem + extension(frame.get().image());
        labelsAt.put(name, labelFile.toString());
        place(images, frame.get(), name);
      }
      return Optional.of(root);
    }

    /** A frame the dataset reader read from the view, found in the job by its image name. */
    void accept(Frame frame) {
      String name = Path.of(frame.image().uri()).getFileName().toString();
      String at = labelsAt.getOrDefault(name, name);
      job.frameForImage(name).ifPresentOrElse(f -> {
        if (frame.image().width() != f.width() || frame.image().height() != f.height()) {
          collector.problems().warning(at, "image is " + frame.image().width() + "x"
              + frame.image().height() + " here; " + f.image() + " is " + f.width() + "x"
              + f.height());
        }
        collector.labeled(f, frame.objects(), at);
      }, () -> collector.unexpected(name, at));
    }

    /** The dataset reader's problems, at the returned files. */
    void report(ProblemLog found) {
      for (Problem p : found.problems()) {
        String location = relocated(p.location());
        if (reported.contains(location)) {
          continue;
        }
        if (p.severity() == Problem.Severity.ERROR) {
          collector.problems().error(location, relocated(p.message()));
        } else {
          collector.problems().warning(location, relocated(p.message()));
        }
      }
    }

    private void place(ImagePlacer images, JobFrame frame, String name) throws IOException {
      Path image = LabelingJob.imagePath(jobFolder, frame);
      try {
        relocate(images.place(image, name), image);
      } catch (IllegalArgumentException | UserInputException e) {
        // A name that leaves the folder, or one listed twice: nothing more to place; the
        // reader reports the image as missing, or the collector the frame as labeled twice.
      }
    }

    private void relocate(Path viewPath, Path real) {
      relocation.put(viewPath.toString(), real.toString());
    }

    private String relocated(String text) {
      String result = text;
      for (Map.Entry<String, String> e : relocation.entrySet()) {
        result = result.replace(e.getKey(), e.getValue());
      }
      return result.replace(root.toString(), "(returned labels)");
    }

    /** The {@code images} array of a COCO file; empty when the file cannot be parsed. */
    private static JsonNode imagesOf(Path file) throws IOException {
      try (JsonParser parser = PythonJson.open(file)) {
        JsonNode root = Mappers.json().readTree(parser);
        JsonNode images = root == null ? MissingNode.getInstance() : root.path("images");
        return images.isArray() ? images : MissingNode.getInstance();
      } catch (JsonProcessingException notJson) {
        // The reader reports the file as not JSON, at its line and column.
        return MissingNode.getInstance();
      }
    }

    private static String fileName(String reference) {
      return reference.substring(reference.lastIndexOf('/') + 1);
    }

    private static String stem(String name) {
      int dot = name.lastIndexOf('.');
      return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String extension(String name) {
      int dot = name.lastIndexOf('.');
      return dot > 0 ? name.substring(dot) : "";
    }
  }
}
