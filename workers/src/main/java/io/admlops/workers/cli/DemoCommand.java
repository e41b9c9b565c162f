package io.admlops.workers.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.activities.datasets.DatasetStore;
import io.admlops.activities.datasets.DatasetVersionInfo;
import io.admlops.activities.formats.DatasetDefinition;
import io.admlops.activities.model.ModelConfigLoader;
import io.admlops.activities.store.RegistryDatabase;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.json.Mappers;
import io.admlops.workers.dashboard.DashboardServer;
import io.admlops.workers.demo.DemoCampaign;
import io.admlops.workers.demo.DemoHome;
import io.admlops.workers.demo.DemoPlan;
import io.admlops.workers.demo.DemoReport;
import io.admlops.workers.stack.DevStack;
import io.admlops.workers.stack.StackSettings;
import io.admlops.workers.stack.TemporalConnection;
import io.admlops.workers.webhook.AnnotationsDelivery;
import io.admlops.workers.webhook.AnnotationsWebhook;
import io.admlops.workers.webhook.WebhookSignature;
import io.admlops.workflows.TaskQueues;
import io.admlops.workflows.loop.CampaignConfig;
import io.admlops.workflows.loop.IterationSummary;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code admlops demo}: the whole loop in one command on a throwaway embedded stack. It
 * seeds a day-heavy labeled dataset and a benchmark from the generator, starts the demo
 * campaign with the simulated labeling vendor, and prints one row per iteration.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {
        "Runs the closed loop end to end on an embedded stack of its own: seeds a day-heavy",
        "labeled dataset and an every-condition benchmark from the generator, trains a first",
        "model, then runs iterations (collect, mine, label by the simulated vendor, train,",
        "evaluate on the benchmark, deploy) and prints one row per iteration."})
class DemoCommand implements Callable<Integer> {

  @Option(names = "--config", defaultValue = "configs/campaigns/demo.yaml", paramLabel = "FILE",
      description = "The demo campaign: a campaign config with a 'demo' section for the seed "
          + "and benchmark drives. Default: ${DEFAULT-VALUE}.")
  Path config;

  @Option(names = "--iterations", defaultValue = "3", paramLabel = "N",
      description = "Loop iterations after the first model. Default: ${DEFAULT-VALUE}.")
  int iterations;

  @Option(names = "--strategy", paramLabel = "mined|random",
      description = "How frames are chosen for labeling; the config's when omitted.")
  String strategy;

  @Option(names = "--summary", paramLabel = "FILE",
      description = "Also write the rows as JSON to this file.")
  Path summary;

  @Option(names = "--home", paramLabel = "DIR",
      description = "Folder for the demo's stack, emptied at every run. "
          + "Default: demo/<strategy> under ADMLOPS_HOME (~/.admlops).")
  Path home;

  @Mixin DashboardOptions dashboardOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    PrintWriter out = spec.commandLine().getOut();
    quietTemporal();
    JsonNode input = CampaignCommand.Start.readConfig(config);
    DemoPlan plan = DemoPlan.of(input, config);
    CampaignConfig campaign = campaign(input);
    String chosen = campaign.mining().strategy();
    Path folder = DemoHome.prepare(home != null ? home
        : StackSettings.resolve(null, null, null, System.getenv()).home()
            .resolve("demo").resolve(chosen));
    StackSettings settings = StackSettings.resolve(null, null, null,
        Map.of("ADMLOPS_HOME", folder.toString()));
    out.printf("demo: campaign %s, %d iterations after a first model, %s selection; stack in "
        + "%s%n", campaign.name(), iterations, chosen, folder);
    out.flush();
    try (DevStack stack = DevStack.start(settings, List.of(TaskQueues.values()), 0);
        Closeable dashboard = liveDashboard(stack, settings, campaign, out)) {
      seed(stack, settings, plan, campaign, out);
      List<IterationSummary> history;
      try (TemporalConnection temporal =
          TemporalConnection.open(stack.temporalAddress(), settings.namespace());
          AnnotationsWebhook webhook = vendorsWebhook(temporal)) {
        stack.simulatedVendor().deliverThrough(webhook);
        DemoReport report = new DemoReport(chosen, columns(campaign));
        history = DemoCampaign.start(temporal.client(), campaign).follow(report, out);
        if (summary != null) {
          report.writeJson(history, summary);
        }
      }
      out.printf("demo finished in %.1f min%n", (System.nanoTime() - started) / 60e9);
      whereToLook(out, settings, campaign);
    }
    return 0;
  }

  /** The dashboard over the demo's registry while it runs; a no-op when turned off. */
  private Closeable liveDashboard(DevStack stack, StackSettings settings,
      CampaignConfig campaign, PrintWriter out) throws IOException {
    Optional<DashboardServer> served =
        dashboardOptions.serve(stack.registry(), settings.storage().datasets());
    served.ifPresent(d -> {
      out.printf("demo: dashboard %s (while the demo runs)%n", campaignPage(d.url(), campaign));
      out.flush();
    });
    return () -> served.ifPresent(DashboardServer::close);
  }

  private static URI campaignPage(URI dashboard, CampaignConfig campaign) {
    return dashboard.resolve("campaigns/" + campaign.name());
  }

  /**
   * The labeling vendors' webhook on a free loopback port with a secret of this run: the
   * simulated vendor answers through it as an external vendor would.
   */
  private static AnnotationsWebhook vendorsWebhook(TemporalConnection temporal)
      throws IOException {
    return AnnotationsWebhook.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        Optional.of(new WebhookSignature(WebhookSignature.newSecret())),
        new AnnotationsDelivery(temporal.client()));
  }

  /**
   * The SDK warns with a stack trace at every failed activity attempt; the demo's rows say
   * what failed, so its console keeps them out unless --debug asked for everything.
   */
  private static void quietTemporal() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback
        && !logback.getLogger("io.admlops").isDebugEnabled()) {
      logback.getLogger("io.temporal").setLevel(Level.ERROR);
    }
  }

  /** The config as the campaign gets it: the demo's strategy and number of iterations. */
  private CampaignConfig campaign(JsonNode input) throws JsonProcessingException {
    if (iterations < 1) {
      throw new UserInputException("--iterations must be 1 or more, got " + iterations);
    }
    CampaignConfig c = Mappers.json().treeToValue(input, CampaignConfig.class).withDefaults();
    // The workers of the demo run here and see the same files: a bad model config is refused
    // now rather than by the campaign's first activity.
    ModelConfigLoader.load(Path.of(c.modelConfig()));
    String selection = strategy != null ? strategy : c.mining().strategy();
    if (!selection.equals("mined") && !selection.equals("random")) {
      throw new UserInputException("--strategy must be mined or random, got '" + selection
          + "'");
    }
    // The first iteration only trains the first model; the loop iterations follow it.
    return new CampaignConfig(c.name(), c.dataset(), c.datasetDefinition(), c.modelConfig(),
        c.collect(), new CampaignConfig.Mining(selection, c.mining().framesPerIteration()),
        c.labeling(), c.deploy(), c.benchmark(), c.cadence(), iterations + 1,
        c.continueAsNewEvery());
  }

  private static void seed(DevStack stack, StackSettings settings, DemoPlan plan,
      CampaignConfig campaign, PrintWriter out) throws IOException {
    if (campaign.benchmark() == null) {
      throw new UserInputException("the demo campaign needs a 'benchmark' to score every "
          + "model on the same frames");
    }
    RegistryDatabase database = RegistryDatabase.open(stack.database());
    DatasetRegistry registry = new DatasetRegistry(database,
        new DatasetStore(settings.storage().datasets()));
    DatasetDefinition definition = DatasetDefinition.load(Path.of(campaign.datasetDefinition()));
    DatasetVersionInfo seeded = plan.seed().importAs(campaign.dataset(), definition, registry,
        settings.storage().datasets());
    out.printf("seeded %s:%d with %d labeled frames of %s%n", campaign.dataset(),
        seeded.version(), seeded.frames(), plan.seed().mix());
    DatasetVersionInfo benchmark = plan.benchmark().importAs(campaign.benchmark().dataset(),
        definition, registry, settings.storage().datasets());
    out.printf("benchmark %s:%d: %d frames of %s, every model is scored on its test split%n",
        campaign.benchmark().dataset(), benchmark.version(), benchmark.frames(),
        plan.benchmark().mix());
    out.flush();
  }

  /** Overall mAP is always shown; then daytime as the reference, then the target slices. */
  private static List<String> columns(CampaignConfig campaign) {
    List<String> columns = new ArrayList<>(List.of("timeofday=daytime"));
    campaign.deploy().targetSlices().stream().filter(s -> !columns.contains(s))
        .forEach(columns::add);
    return columns;
  }

  private void whereToLook(PrintWriter out, StackSettings settings, CampaignConfig campaign) {
    Path home = settings.home();
    out.println("Where to look next:");
    out.printf("  the registry, datasets and models stay in %s; with ADMLOPS_HOME=%s:%n", home,
        home);
    out.printf("    ./admlops dataset list, ./admlops dataset show %s:2, "
        + "./admlops eval model --model <model>:<n> --dataset %s:%d%n", campaign.dataset(),
        campaign.benchmark().dataset(), campaign.benchmark().version());
    out.printf("  labeling jobs and the vendor's answers  %s%n",
        settings.storage().datasets().resolve("outbox"));
    out.printf("  mined frames and why each was chosen    %s%n",
        settings.storage().datasets().resolve("mined"));
    out.printf("  checkpoints, configs and weights        %s%n", settings.storage().modelZoo());
    out.printf("  the dashboard again  ADMLOPS_HOME=%s ./admlops up, then %s%n", home,
        campaignPage(URI.create("http://" + DashboardOptions.DEFAULT_ADDRESS + "/"), campaign));
    out.println("  the same campaign under the Temporal UI: scripts/temporal-dev-server, then "
        + "./admlops up --temporal 127.0.0.1:7233 and ./admlops campaign start --config "
        + config + " (docs/campaigns.md)");
    out.flush();
  }
}
