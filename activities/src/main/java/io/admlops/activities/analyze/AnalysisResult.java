package io.admlops.activities.analyze;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * What the analysis found in a dataset; written as {@code analysis.json} and rendered as the
 * HTML report. Instances are the labeled objects of the dataset's classes: KITTI's
 * {@code DontCare} regions and crowd regions are counted apart, as detectors are neither
 * trained nor evaluated on them as instances.
 *
 * @param dataset the definition's name; null when analyzed without a definition
 * @param frames frames seen
 * @param objects instances in those frames
 * @param framesWithoutObjects frames without any instance (DontCare or crowd regions only
 *     count as none)
 * @param dontCareRegions KITTI {@code DontCare} regions
 * @param crowdRegions crowd regions (COCO {@code iscrowd}) of all classes
 * @param instancesPerFrame how many frames have 0, 1, 2, ... instances; the last bin is 20 or
 *     more
 * @param meanInstancesPerFrame instances divided by frames; 0 without frames
 * @param allObjects the statistics of all instances together
 * @param classes the statistics per class: the definition's classes in its order (also those
 *     without instances), then the other classes seen, by name
 * @param scenes frames per scene condition
 * @param imageSizes frames per image size, {@code WIDTHxHEIGHT}
 * @param coverage the definition's targets and how far the dataset meets them
 * @param warnings what to look at before training, each with its numbers
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnalysisResult(
    String dataset,
    long frames,
    long objects,
    long framesWithoutObjects,
    long dontCareRegions,
    long crowdRegions,
    Histogram instancesPerFrame,
    double meanInstancesPerFrame,
    ClassStats allObjects,
    Map<String, ClassStats> classes,
    SceneCounts scenes,
    Map<String, Long> imageSizes,
    Coverage coverage,
    List<String> warnings) {

  /**
   * Counts per bin of a fixed set of bins.
   *
   * @param bins the bins' labels, in order
   * @param counts the count of each bin
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Histogram(List<String> bins, List<Long> counts) {}

  /**
   * Box centers on a grid over the image, in normalized image coordinates.
   *
   * @param counts rows from the image's top to its bottom, each with its cells from left to
   *     right
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Heatmap(List<List<Long>> counts) {}

  /**
   * Boxes in COCO's area ranges.
   *
   * @param small area below 32² pixels
   * @param medium area from 32² up to 96² pixels
   * @param large area of 96² pixels or more
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record BoxSizes(long small, long medium, long large) {

    /** All boxes counted. */
    @JsonIgnore
    public long total() {
      return small + medium + large;
    }
  }

  /**
   * The statistics of one class's instances (or of all of them).
   *
   * @param objects instances
   * @param frames frames with at least one instance
   * @param crowdRegions crowd regions of the class, not counted as instances
   * @param sizes instances per COCO area range
   * @param widths box widths in pixels
   * @param heights box heights in pixels
   * @param aspectRatios box width divided by height, on log-spaced bins
   * @param centers box centers
   * @param occlusion instances per KITTI occlusion code, and those without one
   * @param truncation instances per truncation range, and those without one
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ClassStats(
      long objects,
      long frames,
      long crowdRegions,
      BoxSizes sizes,
      Histogram widths,
      Histogram heights,
      Histogram aspectRatios,
      Heatmap centers,
      Histogram occlusion,
      Histogram truncation) {}

  /**
   * Frames per value of each scene condition; {@code unknown} counts frames without one.
   * The BDD100K vocabulary's values are listed even without frames, so gaps show.
   *
   * @param timeOfDay frames per time of day
   * @param weather frames per weather
   * @param sceneType frames per kind of road
   * @param tags frames per tag
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SceneCounts(Map<String, Long> timeOfDay, Map<String, Long> weather,
      Map<String, Long> sceneType, Map<String, Long> tags) {

    /** The counts of a condition by its name in the frame schema, or null for no such. */
    public Map<String, Long> condition(String name) {
      return switch (name) {
        case SceneVocabulary.TIME_OF_DAY -> timeOfDay;
        case SceneVocabulary.WEATHER -> weather;
        case SceneVocabulary.SCENE_TYPE -> sceneType;
        case SceneVocabulary.TAGS -> tags;
        default -> null;
      };
    }
  }

  /**
   * The definition's coverage targets, each with what the dataset has.
   *
   * @param instancesPerClass per class, its instances against {@code minInstancesPerClass}
   * @param framesPerCondition per condition and value, its frames against
   *     {@code minFramesPerCondition}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Coverage(Map<String, TargetCheck> instancesPerClass,
      Map<String, Map<String, TargetCheck>> framesPerCondition) {

    /** No targets: analyzed without a definition, or the definition sets none. */
    public static final Coverage NONE = new Coverage(Map.of(), Map.of());

    /** Whether there is any target. */
    @JsonIgnore
    public boolean isEmpty() {
      return instancesPerClass.isEmpty() && framesPerCondition.isEmpty();
    }
  }

  /**
   * One coverage target.
   *
   * @param actual what the dataset has
   * @param target the minimum the definition asks for
   * @param ratio actual divided by target
   * @param met whether actual reaches target
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record TargetCheck(long actual, long target, double ratio, boolean met) {

    /** Checks {@code actual} against a positive {@code target}. */
    public static TargetCheck of(long actual, long target) {
      return new TargetCheck(actual, target, (double) actual / target, actual >= target);
    }
  }
}
