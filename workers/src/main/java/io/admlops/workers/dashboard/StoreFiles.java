package io.admlops.workers.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The dataset store as the dashboard reaches into it: by store-relative paths that never lead
 * outside it, and frame images under {@value #FRAMES} URLs. Anything else on the machine stays
 * out of reach of a browser, whatever path it asks for.
 */
final class StoreFiles {

  /** Where frame images are served, followed by their store-relative path. */
  static final String FRAMES = "/frames/";

  private final Path root;

  StoreFiles(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The file a store-relative path names, or empty when the path leads out of the store. */
  Optional<Path> resolve(String relative) {
    Path file;
    try {
      file = root.resolve(relative).normalize();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
    return file.startsWith(root) && !file.equals(root) ? Optional.of(file) : Optional.empty();
  }

  /** Whether an existing file is still inside the store once symbolic links are followed. */
  boolean reallyInside(Path file) throws IOException {
    return file.toRealPath().startsWith(root.toRealPath());
  }

  /** Whether the file is a frame image the dashboard serves: PNG or JPEG. */
  static boolean isImage(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
  }

  /** The URL a frame image is served under, or empty for an image outside the store. */
  Optional<String> imageUrl(Path image) {
    Path file = image.toAbsolutePath().normalize();
    if (!file.startsWith(root) || !isImage(file)) {
      return Optional.empty();
    }
    String relative = StreamSupport.stream(root.relativize(file).spliterator(), false)
        .map(Path::toString).collect(Collectors.joining("/"));
    try {
      return Optional.of(new URI(null, null, FRAMES + relative, null).getRawPath());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("a path always makes a URI path: " + relative, e);
    }
  }
}
