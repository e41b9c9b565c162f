package io.admlops.workers.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which dataset store a registry command reads images and manifests from. */
public class DatasetStoreOption {

  @Option(names = "--store", paramLabel = "DIR",
      description = "The dataset store for images and manifests (env DATASET, default "
          + "$ADMLOPS_HOME/datasets).")
  Path path;
}
