package io.admlops.activities.modelzoo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The git commit this build of admlops was made from, which the build writes beside these
 * classes. It is a model version's code version: {@code <40 hex digits>}, with
 * {@code -dirty} when the checkout had uncommitted changes, or {@value #UNKNOWN} for a build
 * made outside a git checkout.
 */
public final class SourceCommit {

  /** The code version of a build that does not know its commit. */
  public static final String UNKNOWN = "unknown";

  private static final String RESOURCE = "source-commit.txt";
  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}(-dirty)?");

  private SourceCommit() {}

  /** The commit of the running build, or {@value #UNKNOWN}. */
  public static String current() {
    try (InputStream in = SourceCommit.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return UNKNOWN;
      }
      String commit = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      return COMMIT.matcher(commit).matches() ? commit : UNKNOWN;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the build's " + RESOURCE, e);
    }
  }
}
