package io.admlops.activities.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.admlops.activities.formats.FrameSink;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.store.Sha256;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.ImageRef;
import io.admlops.schemas.json.Mappers;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.UUID;

/**
 * The files of the dataset registry under one root, the {@code $DATASET} folder.
 *
 * <p>Images are kept by the SHA-256 of their bytes, {@code images/<first two hex digits>/
 * <sha256>.<ext>}, shared by every dataset: an image imported twice, by a retry or by another
 * dataset, is stored once. Each dataset version has one immutable manifest,
 * {@code manifests/<dataset>/<content hash>.jsonl}, in the unified frame format with
 * {@code image.uri} relative to the root and {@code image.sha256} set. Every file is written
 * under a hidden temporary name and moved to its final name when complete, so a crash never
 * leaves a truncated image or manifest under a name the registry trusts.
 */
public final class DatasetStore {

  private static final String IMAGES = "images";
  private static final String MANIFESTS = "manifests";
  private static final ObjectReader FRAME = Mappers.json().readerFor(Frame.class);

  private final Path root;

  /** @param root the {@code $DATASET} folder; created on first write when missing */
  public DatasetStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /**
   * An image in the store.
   *
   * @param sha256 hex SHA-256 of its bytes
   * @param uri its path relative to the root
   */
  public record StoredImage(String sha256, String uri) {}

  /** Copies an image into the store unless an image with the same bytes is there already. */
  public StoredImage storeImage(Path image) throws IOException {
    return store(Sha256.of(image), extension(image), partial -> Files.copy(image, partial));
  }

  /**
   * Writes an image held in memory (a freshly rendered frame) unless the store has it.
   *
   * @param extension with its dot, e.g. {@code .png}
   */
  public StoredImage storeImage(byte[] bytes, String extension) throws IOException {
    return store(Sha256.of(bytes), extension, partial -> Files.write(partial, bytes));
  }

  /** Writes an image's bytes to a temporary name and renames it into place, once. */
  private StoredImage store(String sha, String extension, ImageBytes write) throws IOException {
    String uri = imageUri(sha, extension);
    Path target = resolve(uri);
    if (!Files.isRegularFile(target)) {
      Path partial = partialBeside(target);
      try {
        write.into(partial);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    }
    return new StoredImage(sha, uri);
  }

  /** Puts an image's bytes into a file. */
  @FunctionalInterface
  private interface ImageBytes {
    void into(Path file) throws IOException;
  }

  /** Where an image with this hash and extension lives, relative to the root. */
  public static String imageUri(String sha256, String extension) {
    return IMAGES + "/" + sha256.substring(0, 2) + "/" + sha256 + extension;
  }

  /** The file a root-relative uri names. */
  public Path resolve(String uri) {
    return root.resolve(uri).normalize();
  }

  /** A frame of a manifest with its image as an absolute path, as writers expect. */
  public Frame withAbsoluteImage(Frame stored) {
    ImageRef image = stored.image();
    return new Frame(stored.id(), new ImageRef(resolve(image.uri()).toString(), image.width(),
        image.height(), image.sha256()), stored.camera(), stored.objects(), stored.lanes(),
        stored.scene(), stored.provenance());
  }

  /**
   * Streams a manifest's frames as stored, image paths relative to the root.
   *
   * @throws IOException when the manifest is missing or a line is not a frame, naming the
   *     file and line
   */
  public void readManifest(String uri, FrameSink sink) throws IOException {
    Path file = resolve(uri);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long lineNumber = 0;
      for (String line; (line = in.readLine()) != null; ) {
        lineNumber++;
        Frame frame;
        try {
          frame = FRAME.readValue(line);
        } catch (JsonProcessingException e) {
          throw new IOException(ProblemLog.at(file, lineNumber) + ": damaged manifest line: "
              + e.getOriginalMessage(), e);
        }
        sink.accept(frame);
      }
    }
  }

  /** A new file to write a dataset's manifest into until it is published. */
  Path newPartialManifest(String dataset) throws IOException {
    return partialBeside(resolve(MANIFESTS + "/" + dataset + "/new.jsonl"));
  }

  /**
   * Gives a complete manifest its final name, the version's content hash, and returns its
   * uri. A manifest already under that name holds the same content and is immutable, so it is
   * kept and the new file dropped.
   */
  String publishManifest(String dataset, String contentHash, Path partial) throws IOException {
    String uri = MANIFESTS + "/" + dataset + "/" + contentHash + ".jsonl";
    Path target = resolve(uri);
    if (Files.isRegularFile(target)) {
      Files.delete(partial);
    } else {
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }
    return uri;
  }

  /** A hidden name in the target's folder, so the final move is a rename on one disk. */
  private static Path partialBeside(Path target) throws IOException {
    Path folder = Files.createDirectories(target.getParent());
    return folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
  }

  /**
   * The image's extension with its dot, lowercased, {@code .jpeg} written as {@code .jpg}, so
   * that the same bytes under differently spelled names land on one file.
   */
  private static String extension(Path image) {
    String name = image.getFileName().toString();
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return "";
    }
    String ext = name.substring(dot).toLowerCase(Locale.ROOT);
    return ext.equals(".jpeg") ? ".jpg" : ext;
  }
}
