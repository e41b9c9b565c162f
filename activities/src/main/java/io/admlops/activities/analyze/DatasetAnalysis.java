package io.admlops.activities.analyze;

import io.admlops.activities.analyze.AnalysisResult.ClassStats;
import io.admlops.activities.analyze.AnalysisResult.Coverage;
import io.admlops.activities.analyze.AnalysisResult.SceneCounts;
import io.admlops.activities.formats.DatasetDefinition;
import io.admlops.activities.formats.FrameSink;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.frame.SceneAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Analyzes a dataset as a reader streams it: pass it as the reader's {@link FrameSink}, then
 * ask for the {@link #result(DatasetDefinition)}. Everything is counted into fixed bins, so
 * memory grows with the number of classes, tags and image sizes, never with the number of
 * frames or boxes. Frames are expected as readers deliver them: with an image size and
 * valid boxes.
 */
public final class DatasetAnalysis implements FrameSink {

  private long frames;
  private long objects;
  private long framesWithoutObjects;
  private long dontCareRegions;
  private long crowdRegions;
  private final long[] instancesPerFrame = Bins.INSTANCES_PER_FRAME.newCounts();
  private final ClassTally allObjects = new ClassTally();
  private final Map<String, ClassTally> classes = new HashMap<>();
  private final Map<String, Map<String, Long>> conditions = new HashMap<>();
  private final Map<String, Long> imageSizes = new TreeMap<>();

  @Override
  public void accept(Frame frame) {
    frames++;
    Set<String> classesInFrame = new HashSet<>();
    int instances = 0;
    for (FrameObject o : frame.objects()) {
      if (Taxonomy.DONT_CARE.equals(o.category())) {
        dontCareRegions++;
      } else if (o.crowd()) {
        crowdRegions++;
        tally(o.category()).addCrowdRegion();
      } else {
        instances++;
        classesInFrame.add(o.category());
        tally(o.category()).addInstance(o, frame.image());
        allObjects.addInstance(o, frame.image());
      }
    }
    objects += instances;
    instancesPerFrame[Bins.INSTANCES_PER_FRAME.index(instances)]++;
    if (instances == 0) {
      framesWithoutObjects++;
    } else {
      allObjects.addFrame();
    }
    classesInFrame.forEach(c -> tally(c).addFrame());
    countScene(frame.scene());
    imageSizes.merge(frame.image().width() + "x" + frame.image().height(), 1L, Long::sum);
  }

  /**
   * What was counted so far, with coverage and warnings judged against the definition.
   *
   * @param definitionOrNull the dataset's definition; without one, coverage is empty and
   *     warnings judge only the classes seen
   * @throws io.admlops.schemas.UserInputException when the definition's targets are malformed
   */
  public AnalysisResult result(DatasetDefinition definitionOrNull) {
    Map<String, ClassStats> classStats = classStats(definitionOrNull);
    SceneCounts scenes = new SceneCounts(conditionCounts(SceneVocabulary.TIME_OF_DAY),
        conditionCounts(SceneVocabulary.WEATHER), conditionCounts(SceneVocabulary.SCENE_TYPE),
        conditionCounts(SceneVocabulary.TAGS));
    Coverage coverage = definitionOrNull == null ? Coverage.NONE
        : CoverageCheck.check(definitionOrNull, classStats, scenes);
    List<String> warnings = DatasetWarnings.of(frames, classStats, scenes, coverage);
    return new AnalysisResult(definitionOrNull == null ? null : definitionOrNull.name(),
        frames, objects, framesWithoutObjects, dontCareRegions, crowdRegions,
        Bins.INSTANCES_PER_FRAME.histogram(instancesPerFrame),
        frames == 0 ? 0 : (double) objects / frames, allObjects.stats(), classStats, scenes,
        new LinkedHashMap<>(imageSizes), coverage, warnings);
  }

  private ClassTally tally(String category) {
    return classes.computeIfAbsent(category, c -> new ClassTally());
  }

  private void countScene(SceneAttributes scene) {
    count(SceneVocabulary.TIME_OF_DAY, scene.timeOfDay());
    count(SceneVocabulary.WEATHER, scene.weather());
    count(SceneVocabulary.SCENE_TYPE, scene.sceneType());
    // A frame counts once per tag, however often a source repeats it.
    new HashSet<>(scene.tags()).forEach(tag -> count(SceneVocabulary.TAGS, tag));
  }

  private void count(String condition, String value) {
    conditions.computeIfAbsent(condition, c -> new HashMap<>())
        .merge(value == null ? SceneVocabulary.UNKNOWN : value, 1L, Long::sum);
  }

  /** The definition's classes in its order, also those never seen, then the others by name. */
  private Map<String, ClassStats> classStats(DatasetDefinition definition) {
    Map<String, ClassStats> stats = new LinkedHashMap<>();
    if (definition != null) {
      definition.classes()
          .forEach(c -> stats.put(c, classes.getOrDefault(c, new ClassTally()).stats()));
    }
    new TreeMap<>(classes).forEach((c, t) -> stats.putIfAbsent(c, t.stats()));
    return stats;
  }

  /**
   * A condition's frames: the vocabulary's values first, also those without frames, then the
   * other values by name, then the frames where the condition is not given.
   */
  private Map<String, Long> conditionCounts(String condition) {
    Map<String, Long> seen = conditions.getOrDefault(condition, Map.of());
    Map<String, Long> counts = new LinkedHashMap<>();
    SceneVocabulary.values(condition).forEach(v -> counts.put(v, seen.getOrDefault(v, 0L)));
    new TreeMap<>(seen).forEach((v, n) -> {
      if (!SceneVocabulary.UNKNOWN.equals(v)) {
        counts.putIfAbsent(v, n);
      }
    });
    if (seen.containsKey(SceneVocabulary.UNKNOWN)) {
      counts.put(SceneVocabulary.UNKNOWN, seen.get(SceneVocabulary.UNKNOWN));
    }
    return counts;
  }
}
