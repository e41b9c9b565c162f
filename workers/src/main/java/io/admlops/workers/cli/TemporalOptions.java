package io.admlops.workers.cli;

import picocli.CommandLine.Option;

/** Which Temporal service to talk to; each flag falls back to its environment variable. */
public class TemporalOptions {

  @Option(names = "--temporal", paramLabel = "HOST:PORT",
      description = "Temporal service (env TEMPORAL_ADDRESS). "
          + "Default: the embedded one for 'up', 127.0.0.1:7233 for the other commands.")
  String address;

  @Option(names = "--namespace", paramLabel = "NAME",
      description = "Temporal namespace (env TEMPORAL_NAMESPACE, default 'default').")
  String namespace;
}
