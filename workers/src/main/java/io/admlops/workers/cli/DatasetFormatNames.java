package io.admlops.workers.cli;

import io.admlops.activities.formats.DatasetFormat;
import java.util.Arrays;
import java.util.Iterator;

/** The format names for {@code --from}, {@code --to} and {@code --format} help texts. */
class DatasetFormatNames implements Iterable<String> {

  @Override
  public Iterator<String> iterator() {
    return Arrays.stream(DatasetFormat.values()).map(DatasetFormat::cliName).iterator();
  }
}
