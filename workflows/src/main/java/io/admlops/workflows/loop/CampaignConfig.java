package io.admlops.workflows.loop;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A campaign's settings: the workflow's input, from {@code admlops campaign start --config}
 * or the Temporal UI's Start Workflow form (the JSON is documented in docs/campaigns.md).
 * Absent optional fields take the defaults named below.
 *
 * @param name the campaign's name; its workflow id is {@code campaign-<name>}
 * @param dataset the registry dataset the loop grows
 * @param datasetDefinition the dataset definition file whose taxonomy, box rules and
 *     attributes the labeling spec and QA follow (default
 *     {@code configs/datasets/driving-2d.yaml})
 * @param modelConfig the model config file every iteration trains, as workers see it
 * @param collect where new frames come from
 * @param mining how frames are chosen for labeling
 * @param labeling the labeling budget, vendor and waiting policy
 * @param deploy when a candidate replaces the production model
 * @param benchmark a frozen dataset version every candidate is scored on against production,
 *     on its test split, so that metrics of all iterations are comparable; absent, each
 *     candidate is scored on the test split of the version it trained on
 * @param cadence ISO-8601 duration between iterations, e.g. {@code P7D}; {@code runNow}
 *     starts one early
 * @param iterations iterations to run before the campaign finishes; 0 for no end
 * @param continueAsNewEvery iterations per workflow run before history is cut by
 *     continue-as-new (default 4)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CampaignConfig(String name, String dataset, String datasetDefinition,
    String modelConfig,
    Collect collect, Mining mining, Labeling labeling, Deploy deploy, Benchmark benchmark,
    String cadence, int iterations, int continueAsNewEvery) {

  /**
   * The config with every absent optional field at its default: the driving-2d definition,
   * generator source with the
   * fleet mix and 400 frames, mined selection of 50 frames, simulated vendor answering after
   * 30 seconds without label errors, reminders every day, giving up after 14 days, 2 reworks,
   * tolerance 0.01, weekly cadence, continue-as-new every 4 iterations.
   *
   * @throws IllegalArgumentException naming the first required field that is missing, or a
   *     labeling field whose value cannot work
   */
  public CampaignConfig withDefaults() {
    require(name, "name");
    require(dataset, "dataset");
    require(modelConfig, "modelConfig");
    Collect c = collect == null ? new Collect(null, null, null, 0, 0) : collect;
    Mining m = mining == null ? new Mining(null, 0) : mining;
    Labeling l = labeling == null ? new Labeling(0, null, null, null, -1, null, 0) : labeling;
    Deploy d = deploy == null ? new Deploy(0, List.of(), false) : deploy;
    return new CampaignConfig(name, dataset,
        or(datasetDefinition, "configs/datasets/driving-2d.yaml"), modelConfig,
        new Collect(or(c.source(), "generator"),
            c.mix() == null && c.inbox() == null ? "configs/collect/fleet.yaml" : c.mix(),
            c.inbox(), c.framesPerIteration() > 0 ? c.framesPerIteration() : 400, c.seed()),
        new Mining(or(m.strategy(), "mined"),
            m.framesPerIteration() > 0 ? m.framesPerIteration() : 50),
        new Labeling(l.budget() > 0 ? l.budget() : Integer.MAX_VALUE,
            vendor(or(l.vendor(), Labeling.SIMULATED)),
            or(l.remindEvery(), "P1D"), or(l.giveUpAfter(), "P14D"),
            l.maxRework() >= 0 ? l.maxRework() : 2,
            duration(or(l.simulatedDelay(), Labeling.SIMULATED_DELAY), "labeling.simulatedDelay"),
            errorRate(l.simulatedErrorRate())),
        new Deploy(d.tolerance() > 0 ? d.tolerance() : 0.01, d.targetSlices(),
            d.requireApproval()),
        checkedBenchmark(), or(cadence, "P7D"), Math.max(0, iterations),
        continueAsNewEvery > 0 ? continueAsNewEvery : 4);
  }

  private Benchmark checkedBenchmark() {
    if (benchmark == null) {
      return null;
    }
    require(benchmark.dataset(), "benchmark.dataset");
    if (benchmark.version() <= 0) {
      throw new IllegalArgumentException("campaign config field 'benchmark.version' must be "
          + "a version number, 1 or more");
    }
    return benchmark;
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("campaign config field '" + field + "' is missing");
    }
  }

  private static String vendor(String vendor) {
    if (!vendor.equals(Labeling.SIMULATED) && !vendor.equals(Labeling.EXTERNAL)) {
      throw new IllegalArgumentException("campaign config field 'labeling.vendor' must be "
          + Labeling.SIMULATED + " or " + Labeling.EXTERNAL + ", is '" + vendor + "'");
    }
    return vendor;
  }

  private static String duration(String value, String field) {
    Duration parsed;
    try {
      parsed = Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("campaign config field '" + field + "' must be an "
          + "ISO-8601 duration such as PT30S, is '" + value + "'", e);
    }
    if (parsed.isNegative()) {
      throw new IllegalArgumentException("campaign config field '" + field
          + "' must not be negative, is '" + value + "'");
    }
    return value;
  }

  private static double errorRate(double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("campaign config field 'labeling.simulatedErrorRate' "
          + "must be within 0 and 1, is " + rate);
    }
    return rate;
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  /**
   * @param source {@code generator} or {@code folder}
   * @param mix the generator's scenario mix file (generator)
   * @param inbox the folder drive logs are dropped into (folder)
   * @param framesPerIteration frames the generator drives per iteration
   * @param seed the generator's seed; iteration n drives with {@code seed + n}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Collect(String source, String mix, String inbox, int framesPerIteration,
      long seed) {}

  /**
   * @param strategy {@code mined} (uncertainty, inconsistency, rarity, diversity) or
   *     {@code random}, for comparison
   * @param framesPerIteration frames sent for labeling per iteration, within the budget
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Mining(String strategy, int framesPerIteration) {}

  /**
   * @param budget frames the whole campaign may send for labeling
   * @param vendor {@value #SIMULATED} for the demo's simulated vendor, which answers every
   *     labeling job with the collected frames' ground truth through the webhook of the worker
   *     that wrote the job; {@value #EXTERNAL} for a real one that calls the webhook itself
   * @param remindEvery ISO-8601 duration between reminders while labels are awaited
   * @param giveUpAfter ISO-8601 duration after which an iteration stops waiting
   * @param maxRework how often returned labels may be sent back before the batch is dropped
   * @param simulatedDelay ISO-8601 duration the simulated vendor takes for a job or a rework
   * @param simulatedErrorRate share of boxes, 0 to 1, the simulated vendor gets wrong on
   *     purpose in its first delivery of a job (dropped, shifted or of another class); its
   *     reworks are correct
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Labeling(int budget, String vendor, String remindEvery, String giveUpAfter,
      int maxRework, String simulatedDelay, double simulatedErrorRate) {

    /** The vendor that answers by itself with the generator's ground truth. */
    public static final String SIMULATED = "simulated";
    /** A real vendor, or a person, who calls the webhook. */
    public static final String EXTERNAL = "external";
    /** How long the simulated vendor takes unless told otherwise. */
    public static final String SIMULATED_DELAY = "PT30S";
  }

  /**
   * @param tolerance the largest drop of overall mAP still accepted, and the smallest rise
   *     that counts as an improvement of a targeted slice
   * @param targetSlices slice keys that must improve, e.g. {@code timeofday=night}
   * @param requireApproval whether a passing candidate waits for {@code approveDeployment}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Deploy(double tolerance, List<String> targetSlices, boolean requireApproval) {
    public Deploy {
      targetSlices = targetSlices == null ? List.of() : List.copyOf(targetSlices);
    }
  }

  /**
   * @param dataset the registry dataset holding the benchmark
   * @param version its version; a version never changes, so neither do the benchmark frames
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Benchmark(String dataset, int version) {}
}
