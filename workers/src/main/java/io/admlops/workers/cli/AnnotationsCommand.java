package io.admlops.workers.cli;

import io.admlops.activities.annotate.ReturnFormat;
import io.admlops.schemas.UserInputException;
import io.admlops.workers.webhook.AnnotationsDelivery;
import io.admlops.workers.webhook.AnnotationsDelivery.Delivered;
import io.admlops.workflows.loop.AnnotationsReturned;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code admlops annotations ...}: returned labels handed to their campaign from a shell. */
@Command(name = "annotations", mixinStandardHelpOptions = true,
    description = "Hands labels a vendor returned to the campaign waiting for them.",
    subcommands = AnnotationsCommand.Submit.class)
class AnnotationsCommand {

  @Command(name = "submit", mixinStandardHelpOptions = true,
      description = {
          "Tells campaign-<name> that a labeling batch is back, as the vendors' webhook does:",
          "refused when the campaign does not wait for that batch."})
  static class Submit extends CampaignCommand.TemporalSubcommand {
    @Option(names = "--campaign", required = true, paramLabel = "NAME",
        description = "The campaign, as in 'admlops campaign status NAME'.")
    String campaign;

    @Option(names = "--batch", required = true, paramLabel = "ID",
        description = "The labeling batch, as the campaign's pending batches name it.")
    String batchId;

    @Option(names = "--file", required = true, paramLabel = "FILE",
        description = "The returned labels: a file, or a folder (KITTI label files).")
    Path file;

    @Option(names = "--format", required = true, paramLabel = "FMT",
        completionCandidates = FormatNames.class,
        description = "Format of the labels, one of ${COMPLETION-CANDIDATES}.")
    String format;

    @Override
    public Integer call() {
      if (ReturnFormat.find(format).isEmpty()) {
        throw new UserInputException("--format " + format + ": expected one of "
            + ReturnFormat.NAMES);
      }
      if (!Files.exists(file)) {
        throw new UserInputException("--file " + file + ": no such file or folder");
      }
      // The workers, not this shell, read the labels: the URI must not depend on our cwd.
      String uri = file.toAbsolutePath().normalize().toUri().toString();
      AnnotationsReturned returned = new AnnotationsReturned(batchId, uri, format);
      Delivered delivered = withTemporal(
          c -> new AnnotationsDelivery(c.client()).deliver(campaign, returned));
      out().printf("signaled %s: batch %s (iteration %d, %d frames) returned as %s at %s%n",
          delivered.workflowId(), batchId, delivered.batch().iteration(),
          delivered.batch().frames(), format, uri);
      return 0;
    }
  }

  /** The format names for {@code --format}'s help. */
  static class FormatNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(ReturnFormat.values()).map(ReturnFormat::cliName)
          .iterator();
    }
  }
}
