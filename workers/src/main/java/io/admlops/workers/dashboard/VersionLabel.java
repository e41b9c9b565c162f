package io.admlops.workers.dashboard;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version of a model or dataset as the loop journal names it: {@code name:version}, such as
 * {@code centernet-tiny:4} or {@code drive:7}.
 *
 * @param name the model's or dataset's name
 * @param version its version number
 */
record VersionLabel(String name, int version) {

  private static final Pattern LABEL = Pattern.compile("(.+):(\\d{1,9})");

  /** The label's parts, or empty when the text is not {@code name:version}. */
  static Optional<VersionLabel> parse(String label) {
    Matcher m = LABEL.matcher(label);
    return m.matches() ? Optional.of(new VersionLabel(m.group(1), Integer.parseInt(m.group(2))))
        : Optional.empty();
  }

  @Override
  public String toString() {
    return name + ":" + version;
  }
}
