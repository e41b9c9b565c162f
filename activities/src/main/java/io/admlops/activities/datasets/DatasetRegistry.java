package io.admlops.activities.datasets;

import io.admlops.activities.datasets.VersionAssembly.Assembled;
import io.admlops.activities.datasets.VersionDiff.ClassDelta;
import io.admlops.activities.formats.DatasetDefinition;
import io.admlops.activities.formats.FrameSink;
import io.admlops.activities.store.RegistryDatabase;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Versioned datasets: imports frames into immutable, content-addressed versions and answers
 * what is in a version and what it changed. Files live in the {@link DatasetStore}, the
 * record of versions, samples, splits and labels in the registry database.
 *
 * <p>An import is idempotent: the same labels on the same images give the same content hash,
 * and a content hash the dataset already has returns that version instead of a new one.
 */
public final class DatasetRegistry {

  /** How many added frame ids a diff lists. */
  public static final int LISTED_FRAMES = 20;

  /** Dataset names become folder names in the store, so they are kept to a safe alphabet. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

  private final DatasetStore store;
  private final DatasetRepository repository;

  public DatasetRegistry(RegistryDatabase database, DatasetStore store) {
    this.store = store;
    this.repository = new DatasetRepository(database.dsl(), store);
  }

  /**
   * Imports frames as a new version of a dataset, creating the dataset on its first import.
   *
   * <p>With a parent, the new version holds the parent's frames plus the imported ones; an
   * image that is in the parent and imported again takes the labels of this import, so a
   * relabeled frame replaces its old labels rather than appearing twice. Without a parent,
   * the version holds exactly the imported frames.
   *
   * @param dataset the dataset's name: lowercase letters, digits, '.', '_' and '-'
   * @param definition the dataset's definition, stored and replacing an earlier one; null to
   *     keep the stored one (or none, for a new dataset)
   * @param frames the frames, with absolute image paths
   * @param parentVersion the version to build on, or null
   * @param note a note kept with the version, or null
   * @return the new version, or the existing one holding the same content (its parent and note
   *     are then those it was first created with)
   * @throws UserInputException when the name is not allowed, the parent does not exist, an
   *     image is missing or appears twice, a frame id names two images, or the source refuses
   */
  public DatasetVersionInfo importVersion(String dataset, DatasetDefinition definition,
      FrameSource frames, Integer parentVersion, String note) throws IOException {
    if (!NAME.matcher(dataset).matches()) {
      throw new UserInputException("dataset name '" + dataset + "' is not allowed; use 1 to 63 "
          + "lowercase letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    String parentManifest =
        parentVersion == null ? null : repository.info(dataset, parentVersion).manifestUri();
    try (VersionAssembly assembly = new VersionAssembly(store, dataset)) {
      if (parentManifest != null) {
        assembly.reserveParentIds(parentManifest);
      }
      frames.deliver(assembly::addImported);
      if (parentManifest != null) {
        assembly.keepParent(parentManifest);
      }
      Assembled assembled = assembly.publish();
      return repository.register(dataset, definition, assembled, parentVersion, note);
    }
  }

  /** Every dataset by name, with its newest version and version count. */
  public List<DatasetSummary> list() {
    return repository.list();
  }

  /**
   * A version with its objects per class.
   *
   * @throws UserInputException when the dataset or version is unknown, naming it
   */
  public VersionDetail show(String dataset, int version) throws IOException {
    DatasetVersionInfo info = repository.info(dataset, version);
    SortedMap<String, Long> perClass = new TreeMap<>();
    store.readManifest(info.manifestUri(), frame -> countObjects(frame, perClass));
    return new VersionDetail(info, Collections.unmodifiableSortedMap(perClass));
  }

  /**
   * What a version changed over its parent: samples added and relabeled, and objects per
   * class before and after.
   *
   * @throws UserInputException when the dataset or version is unknown, naming it
   */
  public VersionDiff diff(String dataset, int version) throws IOException {
    DatasetVersionInfo info = repository.info(dataset, version);
    Map<String, String> parentLabels = new HashMap<>();
    SortedMap<String, Long> before = new TreeMap<>();
    if (info.parentVersion() != null) {
      String parentManifest = repository.info(dataset, info.parentVersion()).manifestUri();
      store.readManifest(parentManifest, frame -> {
        parentLabels.put(frame.image().sha256(), Labels.contentHash(frame));
        countObjects(frame, before);
      });
    }
    SortedMap<String, Long> after = new TreeMap<>();
    TreeSet<String> added = new TreeSet<>();
    int[] relabeled = {0};
    store.readManifest(info.manifestUri(), frame -> {
      countObjects(frame, after);
      String earlier = parentLabels.get(frame.image().sha256());
      if (earlier == null) {
        added.add(frame.id());
      } else if (!earlier.equals(Labels.contentHash(frame))) {
        relabeled[0]++;
      }
    });
    TreeSet<String> classes = new TreeSet<>(before.keySet());
    classes.addAll(after.keySet());
    List<ClassDelta> deltas = new ArrayList<>();
    for (String c : classes) {
      deltas.add(new ClassDelta(c, before.getOrDefault(c, 0L), after.getOrDefault(c, 0L)));
    }
    return new VersionDiff(dataset, version, info.parentVersion(), added.size(),
        added.stream().limit(LISTED_FRAMES).toList(), relabeled[0], List.copyOf(deltas));
  }

  /**
   * Streams a version's frames, with absolute image paths, to a sink such as a
   * {@code DatasetWriter}'s {@code write}; the caller finishes the writer.
   *
   * @return the version exported
   * @throws UserInputException when the dataset or version is unknown, naming it
   */
  public DatasetVersionInfo exportVersion(String dataset, int version, FrameSink sink)
      throws IOException {
    DatasetVersionInfo info = repository.info(dataset, version);
    store.readManifest(info.manifestUri(), frame -> sink.accept(store.withAbsoluteImage(frame)));
    return info;
  }

  /** The newest version of a dataset, or 0 when the dataset has none or does not exist. */
  public int newestVersion(String dataset) {
    return list().stream().filter(d -> d.name().equals(dataset))
        .map(d -> d.latest() == null ? 0 : d.latest().version()).findFirst().orElse(0);
  }

  /**
   * One version's record.
   *
   * @throws UserInputException when the dataset or version is unknown, naming it
   */
  public DatasetVersionInfo version(String dataset, int version) {
    return repository.info(dataset, version);
  }

  /**
   * The frames of one split of a version, with absolute image paths.
   *
   * @throws UserInputException when the dataset or version is unknown, naming it
   */
  public List<Frame> splitFrames(String dataset, int version, Split split) throws IOException {
    List<Frame> frames = new ArrayList<>();
    exportVersion(dataset, version, frame -> {
      if (Split.of(frame.image().sha256()) == split) {
        frames.add(frame);
      }
    });
    return frames;
  }

  /**
   * The definition a dataset was last imported with, for the taxonomy of an export; empty
   * when it was imported without one.
   *
   * @throws UserInputException when the dataset is unknown, naming it
   */
  public Optional<DatasetDefinition> definition(String dataset) throws IOException {
    return repository.definition(dataset);
  }

  private static void countObjects(Frame frame, Map<String, Long> perClass) {
    for (FrameObject o : frame.objects()) {
      perClass.merge(o.category(), 1L, Long::sum);
    }
  }
}
