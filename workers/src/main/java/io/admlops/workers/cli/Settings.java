package io.admlops.workers.cli;

import io.admlops.workers.stack.StackSettings;

/** Resolves the command's flags and the environment into one {@link StackSettings}. */
final class Settings {

  private Settings() {}

  static StackSettings of(TemporalOptions temporal, DatabaseOptions database) {
    return StackSettings.resolve(temporal.address, database == null ? null : database.url,
        temporal.namespace, System.getenv());
  }
}
