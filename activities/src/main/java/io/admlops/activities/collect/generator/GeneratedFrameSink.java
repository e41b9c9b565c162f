package io.admlops.activities.collect.generator;

import java.io.IOException;

/** Where the generator delivers frames, in order, so nothing holds a whole drive log. */
@FunctionalInterface
public interface GeneratedFrameSink {

  void accept(GeneratedFrame frame) throws IOException;
}
