package io.admlops.workers.cli;

import io.admlops.activities.modelzoo.ModelAliases;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code admlops model ...}: the registered versions and their lineage, moving a model's
 * aliases by hand with the history kept, and exporting a version for inference engines.
 */
@Command(name = "model", mixinStandardHelpOptions = true,
    description = "Lists model versions and shows their lineage. Moves model aliases "
        + "(production, staging, candidate); every move is kept with who made it and why. "
        + "Exports versions to ONNX, checked against DJL.",
    subcommands = {ModelRegistryCommands.ListVersions.class, ModelRegistryCommands.Show.class,
        ModelRegistryCommands.Lineage.class, ModelCommand.Promote.class,
        ModelCommand.Rollback.class, ModelExportCommand.class})
class ModelCommand {

  /** Opens the registry for one alias move. */
  abstract static class AliasCommand implements Callable<Integer> {
    @Option(names = "--alias", defaultValue = "production", paramLabel = "ALIAS",
        description = "Default: ${DEFAULT-VALUE}.")
    String alias;
    @Option(names = "--reason", required = true, paramLabel = "TEXT",
        description = "Why, kept in the alias's history.")
    String reason;
    @Option(names = "--actor", defaultValue = "${sys:user.name}", paramLabel = "NAME",
        description = "Who moves it (default: the current user).")
    String actor;
    @Mixin DatabaseOptions database;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      try (RegistrySession session = RegistrySession.open(database.url, null)) {
        return run(new ModelAliases(session.database().dsl()), spec.commandLine().getOut());
      }
    }

    abstract int run(ModelAliases aliases, PrintWriter out);
  }

  @Command(name = "promote", mixinStandardHelpOptions = true,
      description = "Points an alias at a model version.")
  static class Promote extends AliasCommand {
    @Parameters(index = "0", paramLabel = "MODEL:VERSION") String version;

    @Override
    int run(ModelAliases aliases, PrintWriter out) {
      String before = aliases.move(version, alias, actor, reason);
      out.println(alias + " -> " + version + (before == null ? " (first)" : " (was " + before
          + ")"));
      return 0;
    }
  }

  @Command(name = "rollback", mixinStandardHelpOptions = true,
      description = "Moves an alias back to where its last move took it from.")
  static class Rollback extends AliasCommand {
    @Parameters(index = "0", paramLabel = "MODEL") String model;

    @Override
    int run(ModelAliases aliases, PrintWriter out) {
      out.println(model + "@" + alias + " -> " + aliases.rollback(model, alias, actor, reason));
      return 0;
    }
  }
}
