package io.admlops.activities.annotate;

import java.nio.file.Path;
import java.util.List;

/**
 * What the simulated labeling vendor delivered.
 *
 * @param file the labels file written
 * @param format the format to read it as, for the {@code annotationsReturned} signal
 * @param labeledFrames frames it labeled (those with ground truth)
 * @param injected the label errors it made on purpose
 */
public record VendorDelivery(Path file, ReturnFormat format, int labeledFrames,
    List<InjectedError> injected) {

  public VendorDelivery {
    injected = List.copyOf(injected);
  }
}
