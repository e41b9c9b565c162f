package io.admlops.workflows.loop;

import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * The custom search attributes the loop's workflows keep current, so the Temporal UI lists
 * and filters campaigns by them. A Temporal service must have them registered (the dev
 * server script and {@code admlops up} do).
 */
public final class LoopSearchAttributes {

  public static final SearchAttributeKey<String> CAMPAIGN_NAME =
      SearchAttributeKey.forKeyword("CampaignName");
  public static final SearchAttributeKey<Long> ITERATION = SearchAttributeKey.forLong("Iteration");
  public static final SearchAttributeKey<String> STAGE = SearchAttributeKey.forKeyword("Stage");
  public static final SearchAttributeKey<String> DATASET_VERSION =
      SearchAttributeKey.forKeyword("DatasetVersion");
  public static final SearchAttributeKey<String> MODEL_VERSION =
      SearchAttributeKey.forKeyword("ModelVersion");
  public static final SearchAttributeKey<Double> BEST_MAP = SearchAttributeKey.forDouble("BestMAP");

  /** Every key, for registering them with a Temporal service. */
  public static final List<SearchAttributeKey<?>> KEYS = List.of(CAMPAIGN_NAME, ITERATION, STAGE,
      DATASET_VERSION, MODEL_VERSION, BEST_MAP);

  private LoopSearchAttributes() {}

  static void campaign(String name) {
    Workflow.upsertTypedSearchAttributes(CAMPAIGN_NAME.valueSet(name));
  }

  static void iteration(int iteration, String stage) {
    Workflow.upsertTypedSearchAttributes(ITERATION.valueSet((long) iteration),
        set(STAGE, stage));
  }

  /**
   * An iteration's own attributes, so the UI lists it beside its campaign and a filter on
   * the campaign's name finds both.
   */
  static void iterationStarted(String campaign, int iteration, String datasetVersion,
      String model) {
    Workflow.upsertTypedSearchAttributes(CAMPAIGN_NAME.valueSet(campaign),
        ITERATION.valueSet((long) iteration), STAGE.valueSet("starting"),
        set(DATASET_VERSION, datasetVersion), set(MODEL_VERSION, model));
  }

  static void stage(String stage) {
    Workflow.upsertTypedSearchAttributes(STAGE.valueSet(stage));
  }

  static void datasetVersion(String datasetVersion) {
    Workflow.upsertTypedSearchAttributes(DATASET_VERSION.valueSet(datasetVersion));
  }

  static void modelVersion(String model) {
    Workflow.upsertTypedSearchAttributes(MODEL_VERSION.valueSet(model));
  }

  static void progress(String stage, String datasetVersion, String model, Double bestMap) {
    Workflow.upsertTypedSearchAttributes(set(STAGE, stage),
        set(DATASET_VERSION, datasetVersion), set(MODEL_VERSION, model), set(BEST_MAP, bestMap));
  }

  private static <T> SearchAttributeUpdate<T> set(SearchAttributeKey<T> key, T value) {
    return value == null ? key.valueUnset() : key.valueSet(value);
  }
}
