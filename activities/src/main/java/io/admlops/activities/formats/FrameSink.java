package io.admlops.activities.formats;

import io.admlops.schemas.frame.Frame;
import java.io.IOException;

/** Where a reader delivers frames, one at a time, so nothing holds a whole dataset. */
@FunctionalInterface
public interface FrameSink {

  void accept(Frame frame) throws IOException;
}
