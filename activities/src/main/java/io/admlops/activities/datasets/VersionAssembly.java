package io.admlops.activities.datasets;

import io.admlops.activities.datasets.DatasetStore.StoredImage;
import io.admlops.activities.store.Sha256;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.ImageRef;
import io.admlops.schemas.json.Mappers;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts one dataset version together on disk before anything is registered: stores the
 * imported frames' images, writes the manifest (the imported frames, then the parent's frames
 * the import does not replace) and computes the version's content hash.
 *
 * <p>The content hash is the SHA-256 over the sorted lines {@code <sample hash> <labels
 * hash>}, one per frame, so it depends on which images carry which labels and on nothing
 * else: not the order of frames, their ids, nor where the images were read from.
 */
final class VersionAssembly implements Closeable {

  private final DatasetStore store;
  private final String dataset;
  private final Path partial;
  private final BufferedWriter manifest;
  private final Map<String, String> importedFrameBySample = new HashMap<>();
  private final Map<String, String> sampleByFrameId = new HashMap<>();
  /** Ids of the parent's frames: an imported frame reusing one for another image is renamed. */
  private final Set<String> parentIds = new HashSet<>();
  private final List<String> contentLines = new ArrayList<>();
  private int frames;
  private int objects;

  VersionAssembly(DatasetStore store, String dataset) throws IOException {
    this.store = store;
    this.dataset = dataset;
    this.partial = store.newPartialManifest(dataset);
    this.manifest = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
  }

  /**
   * What was assembled.
   *
   * @param contentHash the version's content hash
   * @param manifestUri the published manifest, relative to the store's root
   * @param frames frames in the version
   * @param objects objects in those frames
   * @param importedSamples hashes of the samples this import delivered (the rest come from
   *     the parent)
   */
  record Assembled(String contentHash, String manifestUri, int frames, int objects,
      Set<String> importedSamples) {}

  /**
   * Adds an imported frame whose image is an absolute path.
   *
   * @throws UserInputException when the image is missing or has no size, or when the import
   *     holds the same image twice, naming the frames
   */
  void addImported(Frame frame) throws IOException {
    ImageRef image = frame.image();
    Path file = Path.of(image.uri());
    if (!Files.isRegularFile(file)) {
      throw new UserInputException("frame '" + frame.id() + "': image " + file
          + " does not exist");
    }
    if (image.width() <= 0 || image.height() <= 0) {
      throw new UserInputException("frame '" + frame.id() + "': image " + file
          + " has no width and height");
    }
    StoredImage stored = store.storeImage(file);
    String earlier = importedFrameBySample.putIfAbsent(stored.sha256(), frame.id());
    if (earlier != null) {
      throw new UserInputException("frames '" + earlier + "' and '" + frame.id()
          + "' have the same image (sha256 " + stored.sha256()
          + "); a dataset version holds each image once");
    }
    append(new Frame(frame.id(),
        new ImageRef(stored.uri(), image.width(), image.height(), stored.sha256()),
        frame.camera(), frame.objects(), frame.lanes(), frame.scene(), frame.provenance()));
  }

  /**
   * Reads the parent's frame ids before the import, so that an imported frame reusing one of
   * them for another image (vendor batches number their frames from 1 again) is renamed
   * instead of colliding; the parent's frames keep their ids in the child.
   */
  void reserveParentIds(String parentManifestUri) throws IOException {
    store.readManifest(parentManifestUri, frame -> {
      sampleByFrameId.put(frame.id(), frame.image().sha256());
      parentIds.add(frame.id());
    });
  }

  /**
   * Adds the parent's frames whose images this import did not deliver. Call after the last
   * imported frame: an image imported again replaces the parent's frame, labels and all.
   */
  void keepParent(String parentManifestUri) throws IOException {
    store.readManifest(parentManifestUri, frame -> {
      if (!importedFrameBySample.containsKey(frame.image().sha256())) {
        append(frame);
      }
    });
  }

  /** Closes the manifest, names it by the content hash and returns the result. */
  Assembled publish() throws IOException {
    manifest.close();
    Collections.sort(contentLines);
    MessageDigest digest = Sha256.digest();
    for (String line : contentLines) {
      digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    String contentHash = Sha256.hex(digest);
    String uri = store.publishManifest(dataset, contentHash, partial);
    return new Assembled(contentHash, uri, frames, objects,
        Set.copyOf(importedFrameBySample.keySet()));
  }

  private static Frame renamed(Frame frame, String id) {
    return new Frame(id, frame.image(), frame.camera(), frame.objects(), frame.lanes(),
        frame.scene(), frame.provenance());
  }

  /** Removes the manifest when it was not published. */
  @Override
  public void close() throws IOException {
    manifest.close();
    Files.deleteIfExists(partial);
  }

  /** Writes a frame whose image is already in the store. */
  private void append(Frame frame) throws IOException {
    String sample = frame.image().sha256();
    String other = sampleByFrameId.putIfAbsent(frame.id(), sample);
    if (other != null && !other.equals(sample) && parentIds.contains(frame.id())) {
      frame = renamed(frame, frame.id() + "-" + sample.substring(0, 8));
      other = sampleByFrameId.putIfAbsent(frame.id(), sample);
    }
    if (other != null && !other.equals(sample)) {
      throw new UserInputException("frame id '" + frame.id() + "' names two images (sha256 "
          + other + " and " + sample + "); frame ids must be unique in a dataset version");
    }
    manifest.write(Mappers.json().writeValueAsString(frame));
    manifest.write('\n');
    contentLines.add(sample + " " + Labels.contentHash(frame));
    frames++;
    objects += frame.objects().size();
  }
}
