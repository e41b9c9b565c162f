package io.admlops.activities.formats;

import io.admlops.activities.formats.bdd100k.Bdd100kReader;
import io.admlops.activities.formats.coco.CocoReader;
import io.admlops.activities.formats.culane.CuLaneReader;
import io.admlops.activities.formats.coco.CocoWriter;
import io.admlops.activities.formats.frames.FramesReader;
import io.admlops.activities.formats.frames.FramesWriter;
import io.admlops.activities.formats.kitti.KittiReader;
import io.admlops.activities.formats.kitti.KittiWriter;
import io.admlops.activities.formats.nuscenes.NuScenesReader;
import io.admlops.activities.formats.voc.VocReader;
import io.admlops.activities.formats.yolo.YoloReader;
import io.admlops.activities.formats.yolo.YoloWriter;
import io.admlops.schemas.UserInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The dataset formats admlops reads and writes, by the names the command line uses. */
public enum DatasetFormat {
  KITTI("kitti", KittiReader::new, KittiWriter::new),
  COCO("coco", CocoReader::new, CocoWriter::new),
  VOC("voc", VocReader::new, null),
  BDD100K("bdd100k", Bdd100kReader::new, null),
  NUSCENES("nuscenes", NuScenesReader::new, null),
  CULANE("culane", CuLaneReader::new, null),
  YOLO("yolo", YoloReader::new, YoloWriter::new),
  FRAMES("frames", FramesReader::new, FramesWriter::new);

  private final String cliName;
  private final Supplier<DatasetReader> reader;
  private final WriterFactory writer;

  DatasetFormat(String cliName, Supplier<DatasetReader> reader, WriterFactory writer) {
    this.cliName = cliName;
    this.reader = reader;
    this.writer = writer;
  }

  /** Opens a writer on an output folder. */
  @FunctionalInterface
  public interface WriterFactory {
    DatasetWriter open(Path folder, Taxonomy taxonomy) throws IOException;
  }

  public String cliName() {
    return cliName;
  }

  public DatasetReader reader() {
    return reader.get();
  }

  /**
   * @throws UserInputException when the format is read-only, naming the writable ones
   */
  public DatasetWriter openWriter(Path folder, Taxonomy taxonomy) throws IOException {
    if (writer == null) {
      throw new UserInputException("cannot write " + cliName + "; formats admlops writes: "
          + Arrays.stream(values()).filter(f -> f.writer != null).map(f -> f.cliName)
              .collect(Collectors.joining(", ")));
    }
    return writer.open(folder, taxonomy);
  }

  /**
   * @throws UserInputException naming the formats there are
   */
  public static DatasetFormat named(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.cliName.equals(wanted)).findFirst()
        .orElseThrow(() -> new UserInputException("unknown dataset format '" + name
            + "'; expected one of " + Arrays.stream(values()).map(f -> f.cliName)
                .collect(Collectors.joining(", "))));
  }
}
