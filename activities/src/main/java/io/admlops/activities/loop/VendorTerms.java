package io.admlops.activities.loop;

import io.admlops.activities.annotate.LabelingJob;
import io.admlops.activities.annotate.SimulatedVendorOrder;
import io.admlops.schemas.UserInputException;
import io.admlops.workflows.loop.CampaignConfig;
import io.admlops.workflows.loop.LabelsRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which vendor answers a labeling job, and how the simulated one does, kept in the job's
 * {@code job.json} among what the job was created from. Reminders and reworks come days later
 * in whichever worker polls, perhaps restarted since; they read the terms from the job, not
 * from a timer or memory.
 *
 * @param vendor {@code simulated} or {@code external}
 * @param delay ISO-8601 duration the simulated vendor takes
 * @param errorRate the share of boxes its first delivery gets wrong
 * @param groundTruth the collected batch's ground truth, relative to the store
 * @param definition the dataset definition file
 */
record VendorTerms(String vendor, String delay, double errorRate, String groundTruth,
    String definition) {

  private static final String VENDOR = "vendor";
  private static final String DELAY = "simulatedDelay";
  private static final String ERROR_RATE = "simulatedErrorRate";
  private static final String GROUND_TRUTH = "groundTruth";
  private static final String DEFINITION = "definition";

  /**
   * The terms of a labeling request.
   *
   * @throws UserInputException when the simulated vendor is asked but the collected batch has
   *     no ground truth to answer with
   */
  static VendorTerms of(LabelsRequest request) {
    CampaignConfig.Labeling labeling = request.labeling();
    if (!CampaignConfig.Labeling.SIMULATED.equals(labeling.vendor())) {
      return new VendorTerms(labeling.vendor(), null, 0, null, null);
    }
    if (request.groundTruth() == null) {
      throw new UserInputException("labeling.vendor " + CampaignConfig.Labeling.SIMULATED
          + " answers with the collected frames' ground truth, but the frames of iteration "
          + request.iteration() + " came without labels; collect from the generator, or from a "
          + "folder with its labels, or set labeling.vendor to "
          + CampaignConfig.Labeling.EXTERNAL);
    }
    // Campaigns started before the simulated vendor had settings carry none in their config.
    String delay = labeling.simulatedDelay() == null ? CampaignConfig.Labeling.SIMULATED_DELAY
        : labeling.simulatedDelay();
    return new VendorTerms(labeling.vendor(), delay, labeling.simulatedErrorRate(),
        request.groundTruth(), request.definition());
  }

  /** The terms a job was written with; a job from before vendors were recorded is external. */
  static VendorTerms of(LabelingJob job) {
    Map<String, String> kept = job.createdFrom();
    String vendor = kept.getOrDefault(VENDOR, CampaignConfig.Labeling.EXTERNAL);
    String rate = kept.get(ERROR_RATE);
    return new VendorTerms(vendor, kept.get(DELAY), rate == null ? 0 : Double.parseDouble(rate),
        kept.get(GROUND_TRUTH), kept.get(DEFINITION));
  }

  /** The entries {@code job.json} keeps. */
  Map<String, String> metadata() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put(VENDOR, vendor);
    if (simulated()) {
      entries.put(DELAY, delay);
      entries.put(ERROR_RATE, Double.toString(errorRate));
      entries.put(GROUND_TRUTH, groundTruth);
      entries.put(DEFINITION, definition);
    }
    return entries;
  }

  boolean simulated() {
    return CampaignConfig.Labeling.SIMULATED.equals(vendor);
  }

  /**
   * What the simulated vendor owes for an attempt at the job in {@code jobFolder}, or empty
   * when another vendor answers it.
   *
   * @param store the dataset store the ground truth is relative to
   */
  Optional<SimulatedVendorOrder> order(String campaign, String batchId, Path jobFolder,
      Path store, int attempt) {
    if (!simulated()) {
      return Optional.empty();
    }
    return Optional.of(new SimulatedVendorOrder(campaign, batchId, jobFolder, attempt,
        Duration.parse(delay), errorRate, store.resolve(groundTruth), Path.of(definition)));
  }
}
