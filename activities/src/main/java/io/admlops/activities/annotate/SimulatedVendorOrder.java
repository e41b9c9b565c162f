package io.admlops.activities.annotate;

import io.admlops.activities.store.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * One delivery the simulated labeling vendor owes: the labels of a job's first delivery or of
 * one of its reworks, due after a delay. Its files sit in the job folder under
 * {@value #FOLDER}/ with names made of batch and attempt, so delivering an order twice writes
 * the same bytes again, and a receipt tells anyone, in any worker, that it was delivered.
 *
 * @param campaign the campaign waiting for the labels
 * @param batchId the labeling batch
 * @param jobFolder the job's outbox folder
 * @param attempt 0 for the job itself, n for its n-th rework
 * @param delay how long the vendor takes before it delivers
 * @param errorRate the share of boxes, 0 to 1, the first delivery gets wrong on purpose
 * @param groundTruth the collected batch's ground truth: a {@code frames.jsonl} or its folder
 * @param definition the dataset definition whose classes the labels use
 */
public record SimulatedVendorOrder(String campaign, String batchId, Path jobFolder, int attempt,
    Duration delay, double errorRate, Path groundTruth, Path definition) {

  /** The folder inside the job where the vendor's deliveries and receipts are. */
  public static final String FOLDER = "simulated-vendor";

  /**
   * The errors this delivery makes: the first delivery errs at the order's rate, seeded by the
   * batch so a repeated delivery errs the same way; a rework is correct, as a vendor fixing its
   * work would deliver it.
   */
  public LabelErrors errors() {
    if (attempt > 0) {
      return LabelErrors.NONE;
    }
    return new LabelErrors(errorRate, Long.parseUnsignedLong(
        Sha256.of(batchId).substring(0, 16), 16));
  }

  /** The Label Studio export this delivery writes. */
  public Path labelsFile() {
    return jobFolder.resolve(FOLDER).resolve(name() + ".labelstudio.json");
  }

  /** The webhook's answer, kept once the campaign took the labels. */
  public Path receipt() {
    return jobFolder.resolve(FOLDER).resolve(name() + ".delivered.json");
  }

  /** Whether the campaign took this delivery's labels already. */
  public boolean delivered() {
    return Files.isRegularFile(receipt());
  }

  /**
   * Writes the labels of the requested frames from the ground truth. The file appears whole
   * under its name or not at all, and the same order writes the same bytes.
   */
  public VendorDelivery writeLabels() throws IOException {
    SimulatedLabelingVendor vendor = SimulatedLabelingVendor.fromGroundTruth(
        List.of(groundTruth), AnnotationStandard.load(definition));
    Path file = labelsFile();
    Path partial = Files.createDirectories(file.getParent())
        .resolve(file.getFileName() + ".partial");
    VendorDelivery written = vendor.labelStudioExport(jobFolder, errors(), partial);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    return new VendorDelivery(file, written.format(), written.labeledFrames(),
        written.injected());
  }

  /** Keeps the webhook's answer as the receipt: this delivery is done. */
  public void recordDelivered(String answer) throws IOException {
    Files.writeString(receipt(), answer, StandardCharsets.UTF_8);
  }

  private String name() {
    return batchId + "-attempt-" + attempt;
  }
}
