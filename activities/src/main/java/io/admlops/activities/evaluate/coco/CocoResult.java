package io.admlops.activities.evaluate.coco;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One detection of a COCO results file: the image and category it names by id, its box
 * {@code [x, y, width, height]} in pixels and its score.
 */
public record CocoResult(long imageId, long categoryId, double x, double y, double width,
    double height, double score) {

  /**
   * Every detection of a results file, in file order, each field checked; whether the ids
   * exist is for the caller to decide, against whatever the ids refer to.
   *
   * @throws io.admlops.schemas.UserInputException naming the file and the JSON pointer of the
   *     first bad field
   */
  public static List<CocoResult> read(Path file) throws IOException {
    List<CocoResult> read = new ArrayList<>();
    readEach(new CocoJson(file), (result, at) -> read.add(result));
    return read;
  }

  /**
   * Hands each detection of a results file to {@code reader} as soon as it is read and
   * checked, in file order, with its JSON pointer; a caller that keeps only what it needs
   * never holds the whole file.
   */
  static void readEach(CocoJson json, BiConsumer<CocoResult, String> reader)
      throws IOException {
    json.readArray((element, at) -> {
      JsonNode result = json.object(element, at);
      long imageId = json.integer(result, "image_id", at);
      long categoryId = json.integer(result, "category_id", at);
      double[] box = json.box(result, at);
      double score = json.number(result, "score", at, false);
      reader.accept(new CocoResult(imageId, categoryId, box[0], box[1], box[2], box[3], score),
          at);
    });
  }

  double[] box() {
    return new double[] {x, y, width, height};
  }
}
