package io.admlops.workers.cli;

import io.admlops.schemas.UserInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dataset version as commands take it: {@code NAME:VERSION}, e.g. {@code drive:3}.
 *
 * @param dataset the dataset's name
 * @param version its version number
 */
record DatasetVersionRef(String dataset, int version) {

  private static final Pattern FORM = Pattern.compile("([^:\\s]+):(\\d+)");

  /**
   * Parses an option's value.
   *
   * @throws UserInputException naming the option when the value is not NAME:VERSION
   */
  static DatasetVersionRef parse(String option, String value) {
    Matcher m = FORM.matcher(value);
    if (!m.matches()) {
      throw new UserInputException(option + " '" + value + "': expected NAME:VERSION, "
          + "e.g. drive:3");
    }
    return new DatasetVersionRef(m.group(1), Integer.parseInt(m.group(2)));
  }
}
