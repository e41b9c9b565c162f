package io.admlops.workers.dashboard;

import static io.admlops.schemas.db.Tables.DATASET;
import static io.admlops.schemas.db.Tables.DATASET_VERSION;
import static io.admlops.schemas.db.Tables.EVALUATION;
import static io.admlops.schemas.db.Tables.EVALUATION_SLICE;
import static io.admlops.schemas.db.Tables.MODEL;
import static io.admlops.schemas.db.Tables.MODEL_ALIAS_EVENT;
import static io.admlops.schemas.db.Tables.MODEL_VERSION;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.schemas.db.tables.ModelVersion;
import io.admlops.workers.dashboard.ModelScore.SliceScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record2;
import org.jooq.Record3;

/**
 * The stored evaluations of a campaign's candidates and of the production models they were
 * compared with. The journal's evaluate stage names the candidate, the benchmark version and
 * the split; the production model is the one the deploy stage kept, the one the candidate
 * replaced when it was promoted (the production alias' history says which), or, before the
 * deploy stage, the production model after the iteration before.
 */
final class CampaignEvaluations {

  /** The loop scores candidates as COCO does. */
  private static final String PROTOCOL = "coco";
  private static final String PRODUCTION = "production";
  private static final ModelVersion MOVED_TO = MODEL_VERSION.as("moved_to");
  private static final ModelVersion MOVED_FROM = MODEL_VERSION.as("moved_from");

  private final DSLContext dsl;

  CampaignEvaluations(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** The scores of every iteration whose candidate has a stored evaluation. */
  EvaluationTrend of(CampaignHistory campaign) {
    List<EvaluatedIteration> evaluated = new ArrayList<>();
    SortedSet<String> sliceKeys = new TreeSet<>();
    Optional<String> productionBefore = Optional.empty();
    for (IterationHistory iteration : campaign.iterations()) {
      Optional<JsonNode> evaluate = iteration.detail("evaluate");
      String candidate = evaluate.map(d -> d.path("candidate").textValue()).orElse(null);
      String benchmark = evaluate.map(d -> d.path("benchmark").textValue()).orElse(null);
      if (candidate != null && benchmark != null) {
        String split = evaluate.get().path("split").asText("test");
        Optional<ModelScore> scored = score(candidate, benchmark, split);
        if (scored.isPresent()) {
          ModelScore production = comparedWith(iteration, candidate, productionBefore)
              .flatMap(p -> p.equals(candidate) ? scored : score(p, benchmark, split))
              .orElse(null);
          evaluated.add(new EvaluatedIteration(iteration.number(), benchmark, split,
              scored.get(), production));
          sliceKeys.addAll(scored.get().slices().keySet());
        }
      }
      Optional<String> after = iteration.productionAfter();
      if (after.isPresent()) {
        productionBefore = after;
      }
    }
    return new EvaluationTrend(evaluated, List.copyOf(sliceKeys));
  }

  /** The production model the iteration's candidate was compared with. */
  private Optional<String> comparedWith(IterationHistory iteration, String candidate,
      Optional<String> productionBefore) {
    Optional<JsonNode> deploy = iteration.detail("deploy");
    if (deploy.isEmpty()) {
      return productionBefore;
    }
    if (!deploy.get().path("promoted").asBoolean()) {
      return Optional.ofNullable(deploy.get().path(PRODUCTION).textValue())
          .or(() -> productionBefore);
    }
    Optional<Record2<String, Integer>> promotion = promotion(candidate);
    if (promotion.isEmpty()) {
      return productionBefore;
    }
    Integer replaced = promotion.get().value2();
    return replaced == null ? Optional.empty()
        : Optional.of(promotion.get().value1() + ":" + replaced);
  }

  /**
   * The model and the version the production alias left when it first moved to the
   * candidate (null when it pointed nowhere before), or empty when it never moved there.
   */
  private Optional<Record2<String, Integer>> promotion(String candidate) {
    return VersionLabel.parse(candidate).flatMap(c -> dsl.select(MODEL.NAME, MOVED_FROM.VERSION)
        .from(MODEL_ALIAS_EVENT)
        .join(MOVED_TO).on(MOVED_TO.ID.eq(MODEL_ALIAS_EVENT.TO_MODEL_VERSION_ID))
        .join(MODEL).on(MODEL.ID.eq(MOVED_TO.MODEL_ID))
        .leftJoin(MOVED_FROM).on(MOVED_FROM.ID.eq(MODEL_ALIAS_EVENT.FROM_MODEL_VERSION_ID))
        .where(MODEL_ALIAS_EVENT.ALIAS.eq(PRODUCTION), MODEL.NAME.eq(c.name()),
            MOVED_TO.VERSION.eq(c.version()))
        .orderBy(MODEL_ALIAS_EVENT.ID).limit(1).fetchOptional());
  }

  /** A model version's stored evaluation on a benchmark split, when there is one. */
  private Optional<ModelScore> score(String model, String benchmark, String split) {
    Optional<VersionLabel> version = VersionLabel.parse(model);
    Optional<VersionLabel> data = VersionLabel.parse(benchmark);
    if (version.isEmpty() || data.isEmpty()) {
      return Optional.empty();
    }
    Optional<Record3<Long, Double, JSONB>> stored = dsl
        .select(EVALUATION.ID, EVALUATION.MAP, EVALUATION.METRICS).from(EVALUATION)
        .join(MODEL_VERSION).on(MODEL_VERSION.ID.eq(EVALUATION.MODEL_VERSION_ID))
        .join(MODEL).on(MODEL.ID.eq(MODEL_VERSION.MODEL_ID))
        .join(DATASET_VERSION).on(DATASET_VERSION.ID.eq(EVALUATION.DATASET_VERSION_ID))
        .join(DATASET).on(DATASET.ID.eq(DATASET_VERSION.DATASET_ID))
        .where(MODEL.NAME.eq(version.get().name()),
            MODEL_VERSION.VERSION.eq(version.get().version()),
            DATASET.NAME.eq(data.get().name()), DATASET_VERSION.VERSION.eq(data.get().version()),
            EVALUATION.SPLIT.eq(split), EVALUATION.PROTOCOL.eq(PROTOCOL))
        .fetchOptional();
    return stored.map(e -> {
      JsonNode overall = JsonColumns.tree(e.value3()).path("overall");
      Map<String, Double> perClass = new TreeMap<>();
      overall.path("perClassAp").fields()
          .forEachRemaining(c -> perClass.put(c.getKey(), c.getValue().doubleValue()));
      Map<String, SliceScore> slices = new TreeMap<>();
      dsl.selectFrom(EVALUATION_SLICE).where(EVALUATION_SLICE.EVALUATION_ID.eq(e.value1()))
          .forEach(s -> slices.put(s.getSliceKey(),
              new SliceScore(s.getFrameCount(), s.getObjectCount(), s.getMap())));
      return new ModelScore(version.get().toString(), e.value1(), e.value2(),
          overall.path("ap50").isNumber() ? overall.path("ap50").doubleValue() : null,
          perClass, slices);
    });
  }
}
