package io.admlops.workflows.loop;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The loop's stages on the cpu queue that are not collect: reading the campaign's starting
 * point, analysis, the labeling round trip, turning labels into a dataset version, and moving
 * the production alias. Every one is idempotent: outputs are named by their content or by
 * batch, and registry writes are upserts.
 */
@ActivityInterface
public interface LoopActivities {

  /** Resolves the model config and reads the dataset's and model's current state. */
  @ActivityMethod
  CampaignStart start(String dataset, String modelConfig);

  /** Analyzes a dataset version; returns where its report is. */
  @ActivityMethod
  String analyze(String dataset, int version);

  /**
   * Writes the labeling job of mined frames to the outbox and, when the campaign's vendor is
   * the simulated one, hands it the job.
   */
  @ActivityMethod
  LabelingBatch requestLabels(LabelsRequest request);

  /**
   * Reminds the vendor of a batch still out; {@code reminder} counts from 1. A simulated vendor
   * that has not delivered yet (its worker restarted, or the webhook refused) gets the job again.
   */
  @ActivityMethod
  void remind(LabelingBatch batch, int reminder);

  /** Reads returned labels and runs QA on them against a dataset definition. */
  @ActivityMethod
  QaVerdict checkLabels(LabelingBatch batch, AnnotationsReturned returned, String definition);

  /** Sends labels back for rework with QA's reasons; a simulated vendor delivers again. */
  @ActivityMethod
  void requestRework(LabelingBatch batch, QaVerdict verdict, int rework);

  /**
   * Adds accepted labels to the dataset as a new version over {@code parentVersion} (0 for
   * the first); returns the version, the existing one when the same content was imported.
   */
  @ActivityMethod
  int importLabels(String dataset, int parentVersion, String labeledManifest, String note);

  /** Points a model's alias at a version, keeping the history; returns the version moved from. */
  @ActivityMethod
  String promote(String modelVersion, String alias, String reason);
}
